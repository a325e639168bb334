fun list(dir: String) {
    Runtime.getRuntime().exec("ls $dir")
}
