/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ris.h: the RIS format (tagged lines "TI  - value"): which lines carry romanized
 * Japanese that `yakugo cite` may rewrite. Everything else is passed through. */
#ifndef YAKUGO_RIS_H
#define YAKUGO_RIS_H

#include <stddef.h>

/* Whether line[0..len) is a RIS tag line whose value is a title, name, journal or
 * publisher (TI T1 T2 T3 BT CT ST J1 J2 JO JF JA AU A1 A2 A3 A4 ED PB). Returns 1 and
 * sets *value to the byte offset of the value and *is_name to 1 for a personal name
 * (AU A1 A2 A3 A4 ED), else 0. */
int ris_field(const char *line, size_t len, size_t *value, int *is_name);

/* Whether line[0..len) is a RIS tag line at all ("XX  - ..."). */
int ris_is_tag(const char *line, size_t len);

#endif
