import traceback

from django.http import HttpResponse


def export(request):
    try:
        return HttpResponse(render_export(request))
    except ValueError:
        details = "".join(traceback.format_exception(*__import__("sys").exc_info()))
        return HttpResponse("export failed:\n" + details, status=500)
