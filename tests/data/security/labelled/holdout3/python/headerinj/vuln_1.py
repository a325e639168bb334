from flask import Flask, Response, request

app = Flask(__name__)


@app.get("/download")
def download():
    name = request.args.get("name", "report.txt")
    resp = Response(b"...", mimetype="application/octet-stream")
    resp.headers["Content-Disposition"] = "attachment; filename=" + name
    return resp
