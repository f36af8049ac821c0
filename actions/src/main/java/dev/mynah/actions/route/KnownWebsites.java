package dev.mynah.actions.route;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The addresses of a few well-known websites, so that "open the bbc news website" or "打开百度网站" opens the
 * right page. Any other site is left to the LLM: a guessed domain could open someone else's page.
 */
final class KnownWebsites {
    private static final Map<String, String> ADDRESSES = Map.ofEntries(
            Map.entry("google", "https://www.google.com"), Map.entry("谷歌", "https://www.google.com"),
            Map.entry("gmail", "https://mail.google.com"), Map.entry("youtube", "https://www.youtube.com"),
            Map.entry("油管", "https://www.youtube.com"), Map.entry("wikipedia", "https://www.wikipedia.org"),
            Map.entry("维基百科", "https://www.wikipedia.org"), Map.entry("bbc", "https://www.bbc.com"),
            Map.entry("bbc news", "https://www.bbc.com/news"), Map.entry("cnn", "https://www.cnn.com"),
            Map.entry("new york times", "https://www.nytimes.com"), Map.entry("github", "https://github.com"),
            Map.entry("amazon", "https://www.amazon.com"), Map.entry("apple", "https://www.apple.com"),
            Map.entry("reddit", "https://www.reddit.com"), Map.entry("netflix", "https://www.netflix.com"),
            Map.entry("百度", "https://www.baidu.com"), Map.entry("淘宝", "https://www.taobao.com"),
            Map.entry("京东", "https://www.jd.com"), Map.entry("知乎", "https://www.zhihu.com"),
            Map.entry("微博", "https://weibo.com"), Map.entry("哔哩哔哩", "https://www.bilibili.com"),
            Map.entry("bilibili", "https://www.bilibili.com"), Map.entry("b站", "https://www.bilibili.com"));

    private static final Pattern ARTICLE_OR_POSSESSIVE = Pattern.compile("^the |'s$");

    private KnownWebsites() {
    }

    /** The address of the site {@code spoken} names ("the BBC News", "百度"), or empty when it is not in the table. */
    static Optional<String> address(String spoken) {
        String name = ARTICLE_OR_POSSESSIVE.matcher(spoken.strip().toLowerCase(Locale.ROOT)).replaceAll("");
        return Optional.ofNullable(ADDRESSES.get(name));
    }
}
