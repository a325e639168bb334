from django.http import HttpResponse


def tag(request):
    label = request.GET["label"]
    resp = HttpResponse()
    resp.__setitem__("X-Label", label)
    return resp
