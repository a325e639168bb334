#include <windows.h>
#include <wincrypt.h>

/* A session key derived for AES-256. */
BOOL make_key(HCRYPTPROV prov, HCRYPTHASH secret_hash, HCRYPTKEY *key)
{
    return CryptDeriveKey(prov, CALG_AES_256, secret_hash, 0, key);
}
