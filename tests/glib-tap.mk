# glib-tap.mk: the GLib conventions for TAP test suites under automake
#
# A Makefile.am that includes this lists its tests in test_programs (C
# programs using GTest), test_scripts (scripts printing TAP) and
# test_data, and may add to the usual automake variables.

TESTS_ENVIRONMENT = \
	G_TEST_SRCDIR="$(abs_srcdir)" \
	G_TEST_BUILDDIR="$(abs_builddir)" \
	G_DEBUG=gc-friendly \
	MALLOC_CHECK_=2 \
	MALLOC_PERTURB_=$$(($${RANDOM:-256} % 256)) \
	$(NULL)

LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
LOG_COMPILER = $(top_srcdir)/tests/tap-test

NULL =

test_programs =
test_scripts =
test_extra_programs =
test_data =
dist_test_data =

CLEANFILES =
DISTCLEANFILES =
BUILT_SOURCES =
EXTRA_DIST = glib-tap.mk tap-test

TESTS = $(test_programs) $(test_scripts)
check_PROGRAMS = $(test_programs) $(test_extra_programs)
