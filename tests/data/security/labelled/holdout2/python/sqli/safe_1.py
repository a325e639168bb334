from django.db import connection
from django.http import JsonResponse


def search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM posts WHERE title LIKE %s", ["%" + term + "%"])
        return JsonResponse({"ids": [r[0] for r in cur.fetchall()]})
