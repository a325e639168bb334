import tarfile


def extract(archive_path):
    """Unpack an uploaded archive into /tmp/unpacked."""
    with tarfile.open(archive_path) as tar:
        tar.extractall("/tmp/unpacked")
