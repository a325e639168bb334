fun list(dir: String) {
    ProcessBuilder("ls", dir).start()
}
