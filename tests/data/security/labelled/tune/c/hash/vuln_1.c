#include <windows.h>
#include <wincrypt.h>

/* A file fingerprint taken with MD5. */
BOOL start_fingerprint(HCRYPTPROV prov, HCRYPTHASH *hash)
{
    return CryptCreateHash(prov, CALG_MD5, 0, 0, hash);
}
