# SOFTLIF_CHECK_CFLAG(FLAG, ACTION-IF-OK, ACTION-IF-NOT)
# Compiles an empty program with FLAG (and -Werror, so that a compiler
# which only warns about an unknown flag says no).
AC_DEFUN([SOFTLIF_CHECK_CFLAG], [
  AS_VAR_PUSHDEF([cachevar], [softlif_cv_cflag_$1])
  AC_CACHE_CHECK([whether $CC accepts $1], [cachevar], [
    softlif_saved_CFLAGS="$CFLAGS"
    CFLAGS="$CFLAGS -Werror $1"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[]], [[]])],
                      [AS_VAR_SET([cachevar], [yes])],
                      [AS_VAR_SET([cachevar], [no])])
    CFLAGS="$softlif_saved_CFLAGS"])
  AS_VAR_IF([cachevar], [yes], [$2], [$3])
  AS_VAR_POPDEF([cachevar])
])
