#include <windows.h>
#include <bcrypt.h>

/* A stream cipher provider opened for RC4. */
NTSTATUS open_cipher(BCRYPT_ALG_HANDLE *alg)
{
    return BCryptOpenAlgorithmProvider(alg, BCRYPT_RC4_ALGORITHM, NULL, 0);
}
