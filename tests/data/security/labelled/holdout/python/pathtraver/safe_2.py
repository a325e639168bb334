import tarfile


def extract(archive_path):
    with tarfile.open(archive_path) as tar:
        tar.extractall("/srv/unpacked", filter="data")
