"""The model: registry, build, artefact checks and the ONNX Runtime generator."""
