/* tests/test-kana.c: romaji -> kana (src/kana.c). */
#include "config.h"

#include "kana.h"
#include "tap.h"

static void check(const char *romaji, unsigned flags, const char *want)
{
	int complete = -1;
	char *got = kana_from_romaji(romaji, (size_t)-1, flags, &complete);
	is_str(got, want, "%s -> %s", romaji, want);
	free(got);
}

int main(void)
{
	check("tōkyō", 0, "とうきょう");
	return tap_done();
}
