import yaml


def read_config(stream):
    """Read the YAML configuration the user uploaded."""
    return yaml.load(stream, Loader=yaml.Loader)
