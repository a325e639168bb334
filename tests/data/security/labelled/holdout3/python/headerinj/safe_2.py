from django.http import HttpResponse

LANGS = {"en", "de", "fr"}


def set_lang(request):
    lang = request.GET.get("lang")
    response = HttpResponse("ok")
    response["Content-Language"] = lang if lang in LANGS else "en"
    return response
