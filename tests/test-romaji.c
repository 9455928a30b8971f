/* tests/test-romaji.c: kana -> romaji (src/romaji.c) in every system. */
#include "config.h"

#include "romaji.h"
#include "tap.h"

static void check(const char *kana, romaji_system sys, romaji_long lng, const char *want)
{
	char *got = romaji_from_kana(kana, (size_t)-1, sys, lng);
	is_str(got, want, "%s %s -> %s", romaji_system_name(sys), kana, want);
	free(got);
}

int main(void)
{
	check("とうきょう", ROMAJI_HEPBURN, ROMAJI_LONG_DEFAULT, "tōkyō");
	return tap_done();
}
