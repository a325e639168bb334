from django.http import HttpResponse


def tag(request):
    label = request.GET["label"]
    resp = HttpResponse(label.replace("<", ""))
    resp.__setitem__("X-Label", "static")
    return resp
