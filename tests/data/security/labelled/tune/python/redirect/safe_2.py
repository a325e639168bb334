from django.http import HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme


def back(request):
    target = request.GET.get("return_to")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    resp = HttpResponse(status=302)
    resp["Location"] = "/" if target is None else "/account"
    return resp
