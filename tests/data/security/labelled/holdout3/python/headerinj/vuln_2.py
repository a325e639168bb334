from django.http import HttpResponse


def set_lang(request):
    lang = request.GET.get("lang")
    response = HttpResponse("ok")
    response["Content-Language"] = lang
    return response
