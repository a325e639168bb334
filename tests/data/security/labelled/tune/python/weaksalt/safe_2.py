import hashlib


def fingerprint(db, name, document):
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
    db.save(name, digest)
