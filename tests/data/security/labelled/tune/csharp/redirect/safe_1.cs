using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    public IActionResult Done()
    {
        string returnUrl = Request.Query["returnUrl"];
        if (Url.IsLocalUrl(returnUrl)) return LocalRedirect(returnUrl);
        return RedirectToAction("Index");
    }
}
