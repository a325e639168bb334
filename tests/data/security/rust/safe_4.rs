fn client() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}
