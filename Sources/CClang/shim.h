/* The only C surface vringmigrate uses: libclang's stable C API from Debian's libclang-14-dev. */
#include <clang-c/Index.h>
