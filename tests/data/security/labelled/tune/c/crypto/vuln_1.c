#include <windows.h>
#include <wincrypt.h>

/* A session key derived for triple DES. */
BOOL make_key(HCRYPTPROV prov, HCRYPTHASH secret_hash, HCRYPTKEY *key)
{
    return CryptDeriveKey(prov, CALG_3DES, secret_hash, 0, key);
}
