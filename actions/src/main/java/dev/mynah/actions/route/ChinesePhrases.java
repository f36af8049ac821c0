package dev.mynah.actions.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.info.UnitConverter;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mynah.actions.route.PhraseList.first;
import static dev.mynah.actions.route.Slots.arguments;
import static dev.mynah.actions.route.Slots.matched;

/** The Chinese phrasings of the built-in commands. Normalisation has removed spaces next to Chinese text. */
final class ChinesePhrases {
    private static final String WIFI = "(?:wi-?fi|无线网络|无线网|无线局域网|网络)";
    private static final String OPEN = "(?:打开|开启|开|启用)";
    private static final String CLOSE = "(?:关闭|关掉|关上|关|停用|禁用)";
    private static final String A_LITTLE = "(?:一点|一些|一点儿|点)?";
    private static final Map<String, String> PANES = Map.ofEntries(Map.entry("声音", "sound"),
            Map.entry("显示器", "display"), Map.entry("显示", "display"), Map.entry("蓝牙", "bluetooth"),
            Map.entry("网络", "network"), Map.entry("无线", "wifi"), Map.entry("wifi", "wifi"),
            Map.entry("wi-fi", "wifi"), Map.entry("键盘", "keyboard"), Map.entry("鼠标", "mouse"),
            Map.entry("触控板", "trackpad"), Map.entry("通知", "notifications"), Map.entry("电池", "battery"),
            Map.entry("外观", "appearance"), Map.entry("墙纸", "wallpaper"), Map.entry("壁纸", "wallpaper"),
            Map.entry("隐私", "privacy"), Map.entry("隐私与安全性", "privacy"), Map.entry("辅助功能", "accessibility"),
            Map.entry("软件更新", "software_update"), Map.entry("存储", "storage"), Map.entry("打印机", "printers"),
            Map.entry("通用", "general"), Map.entry("用户", "users"), Map.entry("专注模式", "focus"));
    private static final Map<String, String> FOLDERS = Map.of("下载", "downloads", "文稿", "documents",
            "文档", "documents", "桌面", "desktop", "图片", "pictures", "音乐", "music", "影片", "movies",
            "视频", "movies", "个人", "home", "主", "home");
    /** Chinese unit names and the English name the converter knows them by; units it does not know are left out. */
    private static final Map<String, String> UNITS = knownUnits(Map.ofEntries(Map.entry("公里", "kilometers"),
            Map.entry("千米", "kilometers"), Map.entry("米", "meters"), Map.entry("厘米", "centimeters"),
            Map.entry("毫米", "millimeters"), Map.entry("英里", "miles"), Map.entry("英尺", "feet"),
            Map.entry("英寸", "inches"), Map.entry("码", "yards"), Map.entry("海里", "nautical miles"),
            Map.entry("公斤", "kilograms"), Map.entry("千克", "kilograms"), Map.entry("克", "grams"),
            Map.entry("磅", "pounds"), Map.entry("盎司", "ounces"), Map.entry("吨", "tonnes"), Map.entry("斤", "jin"),
            Map.entry("升", "liters"), Map.entry("毫升", "milliliters"), Map.entry("加仑", "gallons"),
            Map.entry("摄氏度", "celsius"), Map.entry("华氏度", "fahrenheit"), Map.entry("开尔文", "kelvin"),
            Map.entry("平方米", "square meters"), Map.entry("平方公里", "square kilometers"),
            Map.entry("公顷", "hectares"), Map.entry("英亩", "acres"), Map.entry("平方英尺", "square feet"),
            Map.entry("公里每小时", "km/h"), Map.entry("英里每小时", "mph"), Map.entry("小时", "hours"),
            Map.entry("分钟", "minutes"), Map.entry("秒", "seconds"), Map.entry("天", "days"), Map.entry("周", "weeks"),
            Map.entry("星期", "weeks"), Map.entry("年", "years"), Map.entry("字节", "bytes")));
    private static final String UNIT = alternatives(UNITS.keySet().stream().toList());
    private static final Map<String, String> MODES = Map.of("步行", "walking", "走路", "walking",
            "开车", "driving", "驾车", "driving", "坐地铁", "transit", "坐公交", "transit", "乘地铁", "transit",
            "乘公交", "transit", "公共交通", "transit");
    private static final String MODE = alternatives(MODES.keySet().stream().toList());
    /** "怎么去掉水印" is about removing, not going: words that start with 去 or 到 but are not a destination. */
    private static final Pattern NOT_A_DESTINATION = Pattern.compile("(?:掉|除|世|年|重|皮|底|时|期|处|位|了|过|哪|那)"
            + ".*|.{31,}");
    private static final Pattern ARTICLE = Pattern.compile("(?:一个|个|一下)(.+)");
    private static final Pattern EVENT_WORDS = Pattern.compile(".*(?:会|约会|面试|预约|活动|聚餐|聚会|午饭|午餐|晚饭"
            + "|晚餐|早餐|电话|日程|课|培训|讲座|演示|见面).*");
    private static final Pattern NOT_AN_EVENT = Pattern.compile(".*(?:闹钟|提醒|笔记|备忘|计时|倒计时).*");
    private static final String EVENT_LENGTH = "(?<length>[0-9零〇一二两三四五六七八九十]+个?半?(?:小时|钟头)(?:[0-9零〇一二两三四五六七八九十]+"
            + "分钟?)?|半个?小时|[0-9零〇一二两三四五六七八九十百]+分钟)";
    private static final Pattern LENGTH_AFTER_TITLE = Pattern.compile("(?<title>.+?)[，,]?(?:时长|持续|为时|用时|共)?"
            + EVENT_LENGTH);
    private static final Pattern LENGTH_BEFORE_TITLE = Pattern.compile("(?:时长)?" + EVENT_LENGTH + "的(?<title>.+)");
    /** "把这个复制到剪贴板" means the selection, not the words "这个". */
    private static final Pattern SELECTION_WORDS = Pattern.compile("这个|那个|这段|那段|这些|那些|它|选中的.*|这段文字");

    private ChinesePhrases() {
    }

    static List<Phrase> phrases(Slots slots) {
        PhraseList p = new PhraseList();
        apps(p, slots);
        sound(p);
        system(p, slots);
        media(p);
        web(p);
        productivity(p, slots);
        communication(p);
        information(p);
        assistant(p);
        return p.phrases();
    }

    /** "打开X" or "把X打开". */
    private static String on(String thing) {
        return "(?:" + OPEN + thing + "|把" + thing + "(?:打开|开开|开启|开一下|开起来))";
    }

    /** "关掉X" or "把X关掉". */
    private static String off(String thing) {
        return "(?:" + CLOSE + thing + "|把" + thing + "(?:关掉|关闭|关上|关了|关一下))";
    }

    private static void apps(PhraseList p, Slots slots) {
        p.generic("open_app", "(?:打开|启动|运行|开启)(?:一下)?(?<app>.+)", m -> slots.appOrWebsite(m.group("app")));
        p.generic("open_app", "把(?<app>.+?)(?:打开|开开|启动|打开一下)|开(?:一下)?(?<app2>.+)",
                m -> slots.app("open_app", first(m, "app", "app2"), false));
        p.generic("quit_app", "退出(?<app>.+)", m -> slots.app("quit_app", m.group("app"), true));
        p.generic("quit_app", "(?:关闭|关掉|关了)(?<app>.+)|把(?<app2>.+?)(?:关掉|关了|关闭|关上|退出|退掉|退了)",
                m -> slots.app("quit_app", first(m, "app", "app2"), false));
        p.generic("force_quit_app", "强制(?:退出|关闭)(?<app>.+)", m -> slots.app("force_quit_app", m.group("app"), true));
        p.generic("switch_to_app", "(?:切换到|切到|换到)(?<app>.+)", m -> slots.app("switch_to_app", m.group("app"), true));
        p.generic("switch_to_app", "(?:回到|跳到|转到)(?<app>.+)", m -> slots.app("switch_to_app", m.group("app"), false));
        p.generic("hide_app", "隐藏(?<app>.+)", m -> slots.app("hide_app", m.group("app"), true));
        p.add("list_running_apps", "(?:现在|当前|目前)?(?:都)?(?:有)?哪些(?:应用|程序|软件)(?:正在|在)?(?:运行|打开)(?:着)?"
                + "|(?:现在|当前|目前)?(?:都)?(?:开着|打开了|打开着|运行着|在运行|正在运行|开了)(?:哪些|什么|几个)(?:应用|程序|软件)");
        p.add("minimize_window", "(?:把)?(?:窗口|这个窗口)?最小化(?:窗口)?");
        p.add("fullscreen_window", "(?:把)?(?:窗口|这个窗口)?全屏(?:显示)?");
        p.add("close_window", off("(?:这个|当前)?窗口"));
        p.add("tile_window", "(?:把)?(?:这个)?窗口(?:移到|放到|放在|贴到)(?<side>左|右)(?:边|侧|半边)",
                m -> matched("tile_window", arguments().put("side", m.group("side").equals("左") ? "left" : "right")));
    }

    private static void sound(PhraseList p) {
        String volume = "(?:音量|声音)";
        String to = "(?:调到|调成|调至|设为|设置为|设置成|设成|设到|改成|改为|到|为|开到)";
        String extreme = "|最大|最小|最高|最低";
        p.add("set_volume", "(?:把)?" + volume + to + "?(?<level>{cn}" + extreme + ")",
                m -> Slots.level("set_volume", m.group("level"), "volume"));
        String tooQuiet = "(?:太小声了?|" + volume + "太小了?|听不(?:见|到|清楚)(?:声音)?)";
        p.add("raise_volume", "(?:大声|响)" + A_LITTLE + "|(?:把)?" + volume + "(?:调高|调大|加大|开大|提高|放大|大)" + A_LITTLE
                + "|(?:调大|调高|加大|提高|开大)" + volume + A_LITTLE + "|(?:把)?" + volume + "(?:调高|调大|加大|提高|升高|增加"
                + "|增大|开大)(?<by>{cn})|" + tooQuiet + "(?:[，,]?(?:大声|响)" + A_LITTLE + ")?",
                m -> Slots.step("raise_volume", m.group("by")));
        String tooLoud = "(?:太吵了?|好吵|吵死了|太响了?|太大声了?|" + volume + "太大了?)";
        p.add("lower_volume", "(?:" + tooLoud + "[，,]?)?(?:小声" + A_LITTLE + "|(?:把)?" + volume + "(?:调低|调小|减小|关小"
                + "|降低|小)" + A_LITTLE + "|(?:调小|调低|减小|降低|关小)" + volume + A_LITTLE + "|(?:把)?" + volume
                + "(?:调低|调小|减小|降低|减少|降|关小)(?<by>{cn}))|" + tooLoud,
                m -> Slots.step("lower_volume", m.group("by")));
        p.add("get_volume", "(?:现在|当前)?(?:的)?音量(?:是)?(?:多少|多大)");
        p.add("mute", "静音(?:一下)?|(?:把)?(?:声音)?关(?:掉|闭)?声音|开启静音|打开静音|(?:把)?" + volume
                + "(?:关掉|关了|关闭|关上)|把(?:电脑|mac)静音");
        p.add("unmute", "(?:取消|关闭|解除)静音|" + on("声音"));
        p.add("set_brightness", "(?:把)?(?:屏幕)?亮度" + to + "?(?<level>{cn}" + extreme + "|最亮|最暗)",
                m -> Slots.level("set_brightness", m.group("level"), "brightness"));
    }

    private static void system(PhraseList p, Slots slots) {
        String dark = "(?:深色模式|暗黑模式|暗色模式|夜间模式|黑暗模式)";
        p.add("set_dark_mode", on(dark) + "|切换到" + dark + "|" + off("浅色模式"), "mode", "on");
        p.add("set_dark_mode", off(dark) + "|切换到浅色模式|" + on("浅色模式"), "mode", "off");
        String dnd = "(?:勿扰模式|免打扰|勿扰|请勿打扰)";
        p.add("set_do_not_disturb", on(dnd), "mode", "on");
        p.add("set_do_not_disturb", off(dnd), "mode", "off");
        p.add("lock_screen", "锁屏|锁定屏幕|锁住屏幕|锁上屏幕|锁定电脑|锁电脑|锁住电脑");
        p.add("lock_screen", "锁(?:一下|上|住|定)?(?:屏幕|屏|电脑|mac)|把(?:屏幕|电脑|mac)锁(?:上|住|起来|一下|了)");
        p.add("sleep_display", off("(?:显示器|屏幕)") + "|(?:显示器|屏幕)休眠|息屏|熄屏|让(?:显示器|屏幕)休眠");
        p.add("take_screenshot", "截屏|截图|截个图|截个屏|截一下屏|截一张图|截张图|拍个截图");
        p.add("take_screenshot", "截(?:一下|个|一张)?全屏|截取(?:整个)?屏幕|(?:整个)?屏幕截图|截(?:一下)?整个屏幕",
                "area", "screen");
        p.add("take_screenshot", "(?:截取|截)(?:当前|这个)?窗口(?:截图)?|窗口截图", "area", "window");
        p.add("take_screenshot", "截取(?:屏幕的)?(?:一部分|部分|区域|选区)|区域截图|部分截图", "area", "selection");
        p.add("battery_status", "电量还?(?:有|剩|剩下)?多少|还(?:有|剩)多少电(?:量)?|电池(?:电量)?(?:还有|还剩)?多少"
                + "|(?:查看|看看)?电池(?:电量|状态)|电量(?:怎么样|如何)|(?:正在|在)充电吗|电脑(?:在|正在)充电吗");
        p.add("set_wifi", on(WIFI) + "|连接" + WIFI, "mode", "on");
        p.add("set_wifi", off(WIFI) + "|断开" + WIFI, "mode", "off");
        p.add("wifi_status", WIFI + "(?:连上了吗|连接了吗|开着吗|状态)|连的是哪个" + WIFI + "|(?:我)?连(?:上|接)了哪个" + WIFI
                + "|我?(?:现在)?连(?:的|接的|着的|上的)是?(?:哪个|什么)" + WIFI);
        p.add("set_bluetooth", on("蓝牙"), "mode", "on");
        p.add("set_bluetooth", off("蓝牙"), "mode", "off");
        p.add("disk_space", "(?:磁盘|硬盘|存储)(?:空间)?(?:还)?(?:剩|有|剩下|剩余)?多少(?:空间)?|(?:磁盘|硬盘)还剩多少空间"
                + "|(?:查看|看看)(?:磁盘|硬盘)空间|还有多少(?:磁盘|硬盘|存储)?空间");
        p.add("uptime", "电脑(?:已经)?(?:开机|运行)(?:了)?多久(?:了)?|开机(?:多长)?时间|运行时间");
        p.add("local_ip_address", "(?:我的)?(?:本机|本地|电脑的?)?ip(?:地址)?(?:是)?(?:多少|什么)");
        p.add("empty_trash", "清空(?:废纸篓|回收站|垃圾桶)");
        String pane = "(?<pane>" + alternatives(PANES.keySet().stream().toList()) + ")";
        p.add("open_settings", OPEN + pane + "设置", m -> matched("open_settings",
                arguments().put("pane", PANES.get(m.group("pane").toLowerCase(Locale.ROOT)))));
        p.add("open_settings", "(?:打开|启动|开启)?(?<app>系统设置|系统偏好设置)", m -> slots.appOr("open_app",
                m.group("app"), matched("open_settings", arguments().put("pane", "general"))));
        p.add("open_settings", OPEN + "(?:设置|偏好设置)|设置", "pane", "general");
        p.add("restart", "重启(?:电脑|计算机|一下电脑|系统)?|重新启动(?:电脑|计算机)?");
        p.add("shut_down", "关机|关闭(?:电脑|计算机)|关电脑|把电脑关(?:掉|了|上)");
    }

    private static void media(PhraseList p) {
        p.add("media_play", "播放|继续播放|继续放|接着放|恢复播放|播放音乐|放(?:点)?音乐|放歌|继续");
        p.add("media_pause", "暂停(?:播放|音乐|一下)?|停止播放|别放了|停止音乐");
        p.add("media_next", "下一首(?:歌)?|(?:切|换|跳)(?:到|换到)?下一首(?:歌)?|换一首(?:歌)?|播放下一首(?:歌)?|跳过(?:这首)?(?:歌)?"
                + "|切歌|换歌|下一曲|切(?:到)?下一曲");
        p.add("media_previous", "上一首(?:歌)?|(?:切|换|回)(?:到|换到)?上一首(?:歌)?|播放上一首(?:歌)?|上一曲");
        p.add("now_playing", "这是什么歌|这首歌叫什么(?:名字)?|(?:现在|正在)(?:在)?(?:播放|放)(?:的)?(?:是)?什么(?:歌)?"
                + "|这是谁唱的");
        String play = "(?:播放|我想听|来一首|放一首|放点|来点|放一些|播放一些|播放点|听听|来些)";
        String player = "(?:用|在)(?<player>spotify|apple music|音乐|music)(?:上|里|app)?(?:播放|放|听)(?:一下|点|一点|一些"
                + "|一首)?";
        p.add("play_music", player + "(?<query>.+?)(?<artist>的(?:歌|歌曲|音乐))?", m -> playMusic(m.group("query"),
                m.group("artist") != null ? "artist" : null, m.group("player")));
        p.add("play_music", play + "(?<query>[^的]{1,20})的(?:歌|歌曲|音乐|作品)", m -> playMusic(m.group("query"),
                "artist", null));
        p.add("play_music", "(?:播放|放)(?:专辑)(?<query>.+)|(?:播放|放)(?<query2>.+?)(?:这张)?专辑", m -> playMusic(
                first(m, "query", "query2"), "album", null));
        p.add("play_music", "(?:播放|放)(?:我的)?(?:歌单|播放列表)(?<query>.+)|(?:播放|放)(?:我的)?(?<query2>.+?)"
                + "(?:歌单|播放列表)", m -> playMusic(first(m, "query", "query2"), "playlist", null));
        p.add("play_music", play + "(?<query>.+)", m -> playMusic(m.group("query"), null, null));
    }

    private static FastPathResult playMusic(String query, String kind, String player) {
        return query.matches("音乐|歌|歌曲|一下|下一首.*|上一首.*|视频.*|电影.*|.*(?:youtube|油管).*") ? FastPathResult.NO_MATCH
                : Slots.music(query, kind, player);
    }

    private static void web(PhraseList p) {
        p.add("web_search", "(?:搜索|搜|百度|谷歌|(?:在|上)?网上(?:搜索?|查|找)|上网(?:搜索?|查|找))(?:一下)?(?<query>.+)", m -> {
            String query = m.group("query");
            return query.matches("(?:文件|文档|我的).*|.*(?:文件|文档)|.*(?:youtube|油管).*") ? FastPathResult.NO_MATCH
                    : Slots.textArgument("web_search", "query", query);
        });
        p.add("open_url", "(?:打开|进入|访问|去|上|登录)(?<site>.+?)的?(?:网站|官网|网页|主页|首页)",
                m -> KnownWebsites.address(m.group("site")).map(url -> matched("open_url", arguments().put("url", url)))
                        .orElse(FastPathResult.NO_MATCH));
        p.add("youtube_search", "(?:在|去|到|用)?(?:youtube|油管|优兔)(?:上|里)?(?:搜索?|搜一下|查|找|看)(?:一下)?(?<query>.+)"
                + "|(?:搜索?|搜一下|找|查)(?:一下)?(?<query2>.+?)(?:在|上)?(?:youtube|油管)(?:上|里)?",
                m -> Slots.textArgument("youtube_search", "query", first(m, "query", "query2")));
        p.add("directions", "(?<mode>" + MODE + ")?导航(?:到|去)(?<destination>.+)|(?:从(?<origin>.+?))?(?<mode2>"
                + MODE + ")?(?:去|到达|到)(?<destination2>.+?)(?:怎么走|怎么去|怎么坐车|的路线|的路怎么走)|(?:怎么|如何)(?<mode3>"
                + MODE + ")?(?:去|到达|到)(?<destination3>.+)", m -> {
                    String destination = first(m, "destination", "destination2", "destination3");
                    if (NOT_A_DESTINATION.matcher(destination).matches()) {
                        return FastPathResult.NO_MATCH;
                    }
                    ObjectNode arguments = arguments().put("destination", destination);
                    if (m.group("origin") != null) {
                        arguments.put("origin", m.group("origin"));
                    }
                    String mode = first(m, "mode", "mode2", "mode3");
                    if (mode != null) {
                        arguments.put("mode", MODES.get(mode));
                    }
                    return matched("directions", arguments);
                });
    }

    private static void productivity(PhraseList p, Slots slots) {
        p.add("set_timer", "(?:定时|计时|倒计时)(?<duration>[0-9零〇一二两三四五六七八九十百半].*)"
                + "|设(?:置|定)?(?:一个)?(?<duration2>.+?)的?(?:计时器|定时器|倒计时)"
                + "|(?<duration3>.+?)(?:后|以后|之后)提醒我", m -> Slots.timer(first(m, "duration", "duration2",
                "duration3"), null, true));
        p.add("set_timer", "(?:开始|设置|设定|定|设|来|开|弄)?(?<duration>.+?)的?(?:计时器|定时器|倒计时|闹钟|计时)", m -> {
            // "定一个十分钟的闹钟" counts "一个" as the article it is, "一个小时的计时器" as the hour it is.
            FastPathResult timer = Slots.timer(m.group("duration"), null, false);
            Matcher article = ARTICLE.matcher(m.group("duration"));
            return timer instanceof FastPathResult.NoMatch && article.matches()
                    ? Slots.timer(article.group(1), null, false) : timer;
        });
        p.add("create_reminder", "提醒我(?<rest>.+)", m -> chineseReminder(m.group("rest"), slots));
        p.add("create_reminder", "(?<when>.+?)提醒我(?<text>.+)", m -> slots.time(m.group("when"))
                .map(due -> Slots.reminder(m.group("text"), due)).orElse(FastPathResult.NO_MATCH));
        p.add("create_calendar_event", "(?<calendar>在日历(?:上|里)?)?(?<when>.+?)(?<verb>安排|约|预约|添加|加|新建|创建|定)"
                + "(?:(?:一个|个)(?!半?(?:小时|钟头))|一场|一下)?(?<title>.+?)(?<calendar2>到日历(?:上|里)?)?",
                m -> calendarEvent(m, slots));
        p.add("create_calendar_event", "(?<calendar>在日历(?:上|里)?)?(?<verb>安排|添加|新建|创建)(?:一个|个)?(?<when>.+?)的"
                + "(?<title>.+)", m -> calendarEvent(m, slots));
        p.add("create_calendar_event", "(?<rest>.+?)[，,]?(?:加到|添加到|放到|记到|加进|写进|放进|记在|写到|写在|加入)(?:我的)?日历"
                + "(?:上|里|中)?(?:去)?", m -> leadingTime(m.group("rest"), slots)
                .map(timed -> event(timed.time(), timed.rest(), true)).orElse(FastPathResult.NO_MATCH));
        p.add("create_note", "(?:记一下|记下|记个笔记|新建笔记|写个笔记|记笔记)[:：]?(?<text>.+)|(?:新建|创建|写|记)(?:一个|一条|个)?"
                + "(?:备忘录|笔记|便签)[:：，,]?(?<text2>.+)",
                m -> Slots.textArgument("create_note", "text", first(m, "text", "text2")));
        p.add("read_clipboard", "剪贴板(?:里)?(?:有什么|是什么|的内容)|读(?:一下)?剪贴板");
        p.add("write_clipboard", "把(?<text>.+?)(?:复制|拷贝|放|存|写)(?:到|进)剪贴板(?:里|上)?|复制(?<text2>.+?)到剪贴板(?:里|上)?",
                m -> {
                    String text = first(m, "text", "text2");
                    return SELECTION_WORDS.matcher(text).matches() ? FastPathResult.NO_MATCH
                            : Slots.textArgument("write_clipboard", "text", text);
                });
        p.add("show_notification", "(?:发|弹|显示|推送)(?:一个|个|一条|条)?(?:通知|弹窗)(?:说|[:：，,])(?<text>.+)",
                m -> Slots.textArgument("show_notification", "text", m.group("text")));
        p.add("type_text", "(?:输入|打字)[:：]?(?<text>.+)", m -> Slots.textArgument("type_text", "text", m.group("text")));
        p.add("run_shortcut", "运行(?:快捷指令|捷径)(?<name>.+)", m -> Slots.textArgument("run_shortcut", "name",
                m.group("name")));
        p.add("open_folder", OPEN + "(?:我的)?(?<folder>下载|文稿|文档|桌面|图片|音乐|影片|视频|个人|主)文件夹",
                m -> matched("open_folder", arguments().put("folder", FOLDERS.get(m.group("folder")))));
        p.add("find_files", "(?:找|查找|搜索)(?:一下)?(?:名为|叫|叫做|名字叫)(?<query2>.+?)的(?:文件|文档)"
                + "|(?:找|找一下|查找|搜索|搜一下|帮我找|找找)(?:一下)?(?:我的)?(?<query>.+?)(?:这个|那个)?(?:文件|文档)",
                m -> Slots.textArgument("find_files", "query", first(m, "query2", "query")));
        p.add("recent_files", "(?:我)?最近(?:打开|用|编辑|使用)?(?:过)?的(?:文件|文档)(?:有哪些|是什么|列表)?|(?:显示|看看|打开|列出)"
                + "(?:我)?最近(?:打开|用|编辑|使用)?(?:过)?的(?:文件|文档)|我?最近(?:打开|用|编辑|使用)(?:了|过)(?:哪些|什么)(?:文件|文档)");
    }

    private static void communication(PhraseList p) {
        String message = "(?:短信|消息|信息|imessage|简讯)";
        p.add("send_message", "(?:给|跟|向)(?<to>[^，,说]{1,10}?)(?:发|发个|发一条|发条|发一个)" + message
                + "(?:说|[，,:：])(?<text>.+)|(?:发|发个|发一条|发条)" + message + "给(?<to2>[^，,说]{1,10}?)(?:说|[，,:：])"
                + "(?<text2>.+)", m -> Slots.message(first(m, "to", "to2"), first(m, "text", "text2")));
        String facetime = "(?:facetime|face time)";
        String viaFacetime = "(?:用" + facetime + ")?";
        p.add("facetime_call", viaFacetime + "(?:给|跟|和)(?<to>[^，,]{1,10}?)打(?:个|一个|一通)?" + facetime + "?(?:语音电话"
                + "|语音通话|语音|音频电话|音频)|用" + facetime + "语音(?:打给|呼叫|给)(?<to2>[^，,]{1,10}?)(?:打电话)?",
                m -> Slots.facetime(first(m, "to", "to2"), true));
        p.add("facetime_call", viaFacetime + "(?:给|跟|和)(?<to>[^，,]{1,10}?)(?:打|打个|打一个|开|开个)(?:facetime|face time"
                + "|视频电话|视频通话|视频)(?:电话|通话)?|(?:用)?" + facetime + "(?:打给|呼叫|给)(?<to2>[^，,]{1,10}?)"
                + "(?:打(?:个|一个)?(?:电话|视频电话|视频))?|" + viaFacetime + "(?:给|跟)(?<to3>[^，,]{1,10}?)打(?:个)?电话"
                + "|打电话给(?<to4>[^，,]{1,10})|(?:跟|和)(?<to5>[^，,]{1,10}?)(?:视频|视频通话|facetime)(?:一下)?",
                m -> Slots.facetime(first(m, "to", "to2", "to3", "to4", "to5"), false));
        p.add("compose_email", "(?:给|向)(?<to>[^，,]{1,10}?)(?:写|发)(?:一封|封|个|一个)?(?:邮件|电子邮件|email|e-mail)"
                + "(?:[，,:：]?(?:说|内容是)(?<body>.+))?", m -> {
                    Optional<String> to = Slots.text(m.group("to"));
                    if (to.isEmpty()) {
                        return FastPathResult.NO_MATCH;
                    }
                    ObjectNode arguments = arguments().put("to", to.get());
                    if (m.group("body") != null) {
                        arguments.put("body", m.group("body"));
                    }
                    return matched("compose_email", arguments);
                });
    }

    private static void information(PhraseList p) {
        p.add("current_time", "(?:现在)?(?:是)?几点(?:了|钟)?(?:了)?|现在(?:是)?什么时间|现在时间|报(?:一下)?时间");
        p.add("current_date", "今天(?:是)?(?:几号|星期几|礼拜几|周几|几月几(?:号|日)|什么日子|哪天)|今天的日期|(?:今天)?日期是(?:多少|什么)");
        p.add("time_in_city", "(?<city>[\\p{IsHan}]{2,6}?)(?:现在)?(?:是)?几点(?:了|钟)?|(?<city2>[\\p{IsHan}]{2,6}?)(?:的)?(?:现在|当地)时间",
                m -> {
                    String city = first(m, "city", "city2");
                    return city.matches("现在|今天|明天|那|这|这里|那里|我这|我们这") ? FastPathResult.NO_MATCH
                            : Slots.textArgument("time_in_city", "city", city);
                });
        p.add("calculate", "(?:计算|算一下|算算|帮我算)(?<expression>.+?)(?:等于(?:多少|几))?|(?<expression2>.+?)(?:等于|是)(?:多少|几)"
                + "|(?<expression3>{cn}(?:加上|加|减去|减|乘以|乘|除以).+)",
                m -> SpokenArithmetic.expression(first(m, "expression", "expression2", "expression3"))
                        .map(e -> matched("calculate", arguments().put("expression", e))).orElse(FastPathResult.NO_MATCH));
        String unit = "(?<from>" + UNIT + ")";
        String target = "(?<to>" + UNIT + ")";
        p.add("convert_units", "(?:把)?(?<value>{cn})" + unit + "(?:是|等于|合|折合|相当于)多少" + target + "(?:呢)?"
                + "|(?:把)?(?<value2>{cn})" + unit.replace("from", "from2") + "(?:换算成|换成|转换成|转成|换算为|等于)(?:多少)?"
                + target.replace("to", "to2") + "|(?<value3>{cn})" + unit.replace("from", "from3") + "(?:是|等于)(?:几|多少)"
                + target.replace("to", "to3") + "|(?<scale>华氏|摄氏)(?<value4>{cn})度(?:是|等于|合|折合|相当于|换算成|换成|转换成|转成)"
                + "(?:多少)?" + target.replace("to", "to4"), ChinesePhrases::conversion);
    }

    private static FastPathResult conversion(Matcher m) {
        String spoken = first(m, "value", "value2", "value3", "value4");
        OptionalDouble value = SpokenNumber.parse(spoken);
        if (value.isEmpty() || spoken.contains("%") || spoken.startsWith("百分之")) {
            return FastPathResult.NO_MATCH;
        }
        // "华氏一百度": the scale is said before the number, so the unit is that scale's degrees.
        String from = m.group("scale") != null ? m.group("scale") + "度" : first(m, "from", "from2", "from3");
        String fromUnit = UNITS.get(from.toLowerCase(Locale.ROOT));
        return fromUnit == null ? FastPathResult.NO_MATCH : Slots.conversion(value.getAsDouble(), fromUnit,
                UNITS.get(first(m, "to", "to2", "to3", "to4").toLowerCase(Locale.ROOT)));
    }

    private static void assistant(PhraseList p) {
        String stop = "(?:停|停止|停下|停下来|别说了|不要说了|别念了|闭嘴|安静|安静一点|算了|取消|停一下|够了)";
        p.add("stop", "(?:(?:好了|好吧|行了|可以了|ok|okay)[，,]?)?" + stop + "(?:[，,]?" + stop + ")*");
        p.add("repeat", "再说一遍|再说一次|重复一下|重复一遍|重复|你(?:刚才|刚刚)?说(?:了)?什么|刚才说的什么|没听清(?:楚)?");
        p.add("list_capabilities", "你(?:都|还)?(?:能|会|可以)(?:帮我)?(?:做|干)?(?:些|点)?什么(?:事情?)?|你有(?:哪些|什么)"
                + "(?:功能|本事|技能)|帮助|你会干嘛|你(?:都|能)会(?:些)?啥|你能帮我(?:做|干)?(?:些)?什么");
        String documents = "(?:文档|文件|笔记|合同|租约|租房合同|保单|说明书|手册|报告|简历)";
        p.add("ask_documents", "(?:我的)?" + documents + "里(?:关于)?(?<question>.+?)(?:是怎么说的|怎么说|说了什么|是怎么写的"
                + "|怎么写的)|在我的" + documents + "里(?:查|找)(?:一下)?(?<question2>.+)",
                m -> Slots.textArgument("ask_documents", "question", first(m, "question", "question2")));
    }

    /**
     * "明天下午三点安排一个会议", "安排一个明天下午三点的会议": the time must read as a moment, and the rest must be an
     * event ("会议", "面试") unless the calendar is named or the verb is "安排".
     */
    private static FastPathResult calendarEvent(Matcher m, Slots slots) {
        boolean sure = first(m, "calendar", "calendar2") != null || "安排".equals(m.group("verb"));
        return slots.time(m.group("when")).map(start -> event(start, m.group("title"), sure))
                .orElse(FastPathResult.NO_MATCH);
    }

    /**
     * An event at {@code start}: "会议 时长一个小时" or "两小时的会议" say how long it lasts, the rest is the title, which
     * must name an event ("会议", "面试") unless the user was {@code sure} it is one.
     */
    private static FastPathResult event(LocalDateTime start, String said, boolean sure) {
        String title = said;
        Optional<Duration> length = Optional.empty();
        for (Pattern form : List.of(LENGTH_AFTER_TITLE, LENGTH_BEFORE_TITLE)) {
            Matcher m = form.matcher(said);
            if (m.matches()) {
                length = SpokenDuration.parse(m.group("length"));
                title = m.group("title");
                break;
            }
        }
        long minutes = length.map(d -> Math.round(d.toSeconds() / 60.0)).orElse(60L);
        boolean event = sure || EVENT_WORDS.matcher(title).matches();
        if (!event || NOT_AN_EVENT.matcher(title).matches() || title.contains("时长") || minutes < 1 || minutes > 1440) {
            return FastPathResult.NO_MATCH;
        }
        Optional<String> text = Slots.text(title);
        if (text.isEmpty()) {
            return FastPathResult.NO_MATCH;
        }
        ObjectNode arguments = arguments().put("title", text.get()).put("start", start.format(SpokenTime.ISO_MINUTES));
        if (length.isPresent()) {
            arguments.put("duration_minutes", minutes);
        }
        return matched("create_calendar_event", arguments);
    }

    private static FastPathResult chineseReminder(String rest, Slots slots) {
        return leadingTime(rest, slots).map(timed -> Slots.reminder(timed.rest(), timed.time()))
                .orElseGet(() -> Slots.textArgument("create_reminder", "text", rest));
    }

    /** Text after the moment it starts with: "明天早上八点开会" is 8:00 tomorrow and "开会". */
    private record Timed(LocalDateTime time, String rest) {
    }

    /** The longest leading part of {@code text} that reads as a time, and what follows it. */
    private static Optional<Timed> leadingTime(String text, Slots slots) {
        for (int end = Math.min(text.length() - 1, 20); end > 0; end--) {
            Optional<LocalDateTime> time = slots.time(text.substring(0, end));
            if (time.isPresent()) {
                return Optional.of(new Timed(time.get(), text.substring(end)));
            }
        }
        return Optional.empty();
    }

    /** A regex alternation of {@code words}, longest first so that "平方米" is tried before "米". */
    private static String alternatives(List<String> words) {
        return String.join("|", words.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList());
    }

    private static Map<String, String> knownUnits(Map<String, String> units) {
        Map<String, String> known = new LinkedHashMap<>();
        units.forEach((chinese, english) -> {
            try {
                UnitConverter.unit(english);
                known.put(chinese, english);
            } catch (IllegalArgumentException e) {
                // The converter cannot answer it, so the fast path leaves such a question to the LLM.
            }
        });
        return Map.copyOf(known);
    }
}
