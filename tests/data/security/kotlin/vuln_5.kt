val verifier = javax.net.ssl.HostnameVerifier { _, _ -> true }
