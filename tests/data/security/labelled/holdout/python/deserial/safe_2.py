import yaml


def read_config(stream):
    return yaml.safe_load(stream)
