use std::process::Command;
fn list(dir: &str) {
    Command::new("ls").arg(dir).status().unwrap();
}
