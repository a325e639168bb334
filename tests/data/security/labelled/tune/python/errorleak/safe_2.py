import logging
import traceback

from django.http import HttpResponse

log = logging.getLogger(__name__)


def export(request):
    try:
        return HttpResponse(render_export(request))
    except ValueError:
        log.warning("export failed: %s", "".join(traceback.format_exception(*__import__("sys").exc_info())))
        return HttpResponse("export failed", status=500)
