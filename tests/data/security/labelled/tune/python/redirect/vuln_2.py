from django.http import HttpResponse


def back(request):
    resp = HttpResponse(status=302)
    resp["Location"] = request.GET.get("return_to")
    return resp
