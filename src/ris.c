/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ris.c: RIS tag lines (see ris.h). A tag is two characters (capital letter, then a
 * capital or digit), two spaces, a hyphen and a space. */
#include "config.h"

#include "ris.h"

#include <string.h>

int ris_is_tag(const char *line, size_t len)
{
	return len >= 5 && line[0] >= 'A' && line[0] <= 'Z' &&
	       ((line[1] >= 'A' && line[1] <= 'Z') || (line[1] >= '0' && line[1] <= '9')) &&
	       line[2] == ' ' && line[3] == ' ' && line[4] == '-';
}

int ris_field(const char *line, size_t len, size_t *value, int *is_name)
{
	static const char names[] = "AU A1 A2 A3 A4 ED";
	static const char tags[] = "TI T1 T2 T3 BT CT ST J1 J2 JO JF JA AU A1 A2 A3 A4 ED PB";
	char tag[3];
	if (!ris_is_tag(line, len) || len < 7 || line[5] != ' ')
		return 0;
	tag[0] = line[0];
	tag[1] = line[1];
	tag[2] = '\0';
	if (!strstr(tags, tag))
		return 0;
	*value = 6;
	*is_name = strstr(names, tag) != NULL;
	return 1;
}
