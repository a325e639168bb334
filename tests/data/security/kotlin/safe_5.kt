fun greet(name: String) = "Hello, $name"
