#include <softlif.h>
int main (void) { return 0; }
