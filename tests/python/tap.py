# tap.py: the TAP harness of the Python tests
#
# Copyright 2026 The libsoftlif authors
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A test is a function registered with @test('what it checks'); it fails by
# raising Failure (check() does), is skipped by raising Skip, and any other
# exception fails it with its traceback. main() runs them in order.
# A script that cannot run at all without numpy gets it from
# import_numpy(), which skips the whole script where configure found none.

import os
import sys
import traceback

TESTS = []


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def test(name):
    def register(function):
        TESTS.append((name, function))
        return function
    return register


def check(ok, message='check failed'):
    if not ok:
        raise Failure(message)


def diag(text):
    for line in str(text).splitlines():
        print('# ' + line)


def skip_all(reason):
    """Skips the whole script: prints the plan 1..0 with the reason and
    exits with status 0."""
    print('1..0 # SKIP %s' % reason)
    sys.stdout.flush()
    sys.exit(0)


def import_numpy():
    """Returns numpy. make check sets SOFTLIF_WITHOUT_NUMPY to the reason
    when configure found no numpy: the script is then skipped, with it."""
    reason = os.environ.get('SOFTLIF_WITHOUT_NUMPY')
    if reason:
        skip_all(reason)
    import numpy
    return numpy


def main():
    """Runs every registered test; returns the exit status."""
    print('1..%d' % len(TESTS))
    failed = 0
    for number, (name, function) in enumerate(TESTS, 1):
        try:
            function()
        except Skip as e:
            print('ok %d - %s # SKIP %s' % (number, name, e))
        except Failure as e:
            failed += 1
            print('not ok %d - %s' % (number, name))
            diag(e)
        except Exception:  # a crash in a test is a failure, not an abort
            failed += 1
            print('not ok %d - %s' % (number, name))
            diag(traceback.format_exc())
        else:
            print('ok %d - %s' % (number, name))
        sys.stdout.flush()
    return 1 if failed else 0
