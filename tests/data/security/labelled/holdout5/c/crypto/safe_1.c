#include <windows.h>
#include <bcrypt.h>

/* A cipher provider opened for AES. */
NTSTATUS open_cipher(BCRYPT_ALG_HANDLE *alg)
{
    return BCryptOpenAlgorithmProvider(alg, BCRYPT_AES_ALGORITHM, NULL, 0);
}
