using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    public IActionResult Done()
    {
        string returnUrl = Request.Query["returnUrl"];
        return Redirect(returnUrl);
    }
}
