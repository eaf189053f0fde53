// Debian's libxml2 (libxml2-dev): its HTML parser, for saved web pages (GongkaiIntake).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
