class A {
  T Read<T>(string s) {
    return JsonSerializer.Deserialize<T>(s);
  }
}
