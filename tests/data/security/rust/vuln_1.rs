use std::process::Command;
fn list(dir: &str) {
    Command::new("sh").arg("-c").arg(format!("ls {}", dir)).status().unwrap();
}
