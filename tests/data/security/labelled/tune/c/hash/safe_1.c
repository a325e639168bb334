#include <windows.h>
#include <wincrypt.h>

/* A file fingerprint taken with SHA-256. */
BOOL start_fingerprint(HCRYPTPROV prov, HCRYPTHASH *hash)
{
    return CryptCreateHash(prov, CALG_SHA_256, 0, 0, hash);
}
