package dev.mynah.actions.route;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private ChinesePhrases() {
    }

    static List<Phrase> phrases(Slots slots) {
        PhraseList p = new PhraseList();
        p.generic("open_app", "(?:打开|启动|运行|开启)(?<app>.+)", m -> slots.app("open_app", m.group("app"), true));
        p.generic("quit_app", "退出(?<app>.+)", m -> slots.app("quit_app", m.group("app"), true));
        p.generic("quit_app", "(?:关闭|关掉|关了)(?<app>.+)", m -> slots.app("quit_app", m.group("app"), false));
        p.generic("force_quit_app", "强制(?:退出|关闭)(?<app>.+)", m -> slots.app("force_quit_app", m.group("app"), true));
        p.generic("switch_to_app", "(?:切换到|切到|换到)(?<app>.+)", m -> slots.app("switch_to_app", m.group("app"), true));
        p.generic("hide_app", "隐藏(?<app>.+)", m -> slots.app("hide_app", m.group("app"), true));
        p.add("list_running_apps", "(?:有)?哪些(?:应用|程序|软件)(?:正在|在)?(?:运行|打开)(?:着)?");
        p.add("minimize_window", "(?:把)?(?:窗口|这个窗口)?最小化(?:窗口)?");
        p.add("fullscreen_window", "(?:把)?(?:窗口|这个窗口)?全屏(?:显示)?");
        p.add("close_window", CLOSE + "(?:这个|当前)?窗口");
        p.add("tile_window", "(?:把)?(?:这个)?窗口(?:移到|放到|放在|贴到)(?<side>左|右)(?:边|侧|半边)",
                m -> matched("tile_window", arguments().put("side", m.group("side").equals("左") ? "left" : "right")));

        String volume = "(?:音量|声音)";
        String to = "(?:调到|调成|调至|设为|设置为|设置成|设成|设到|改成|改为|到|为|开到)";
        p.add("set_volume", "(?:把)?" + volume + to + "?(?<level>{cn}|最大|最小)",
                m -> Slots.level("set_volume", m.group("level"), "volume"));
        p.add("raise_volume", "(?:大声|响)" + A_LITTLE + "|(?:把)?" + volume + "(?:调高|调大|加大|开大|提高|放大|大)" + A_LITTLE
                + "|(?:调大|调高|加大|提高|开大)" + volume + A_LITTLE + "|(?:把)?" + volume + "(?:调高|调大|加大)(?<by>{cn})",
                m -> Slots.step("raise_volume", m.group("by")));
        p.add("lower_volume", "小声" + A_LITTLE + "|(?:把)?" + volume + "(?:调低|调小|减小|关小|降低|小)" + A_LITTLE
                + "|(?:调小|调低|减小|降低|关小)" + volume + A_LITTLE + "|(?:把)?" + volume + "(?:调低|调小|减小)(?<by>{cn})",
                m -> Slots.step("lower_volume", m.group("by")));
        p.add("get_volume", "(?:现在|当前)?(?:的)?音量(?:是)?(?:多少|多大)");
        p.add("mute", "静音|(?:把)?(?:声音)?关(?:掉|闭)?声音|开启静音|打开静音");
        p.add("unmute", "(?:取消|关闭|解除)静音|" + OPEN + "声音");
        p.add("set_brightness", "(?:把)?(?:屏幕)?亮度" + to + "?(?<level>{cn}|最大|最小)",
                m -> Slots.level("set_brightness", m.group("level"), "brightness"));

        String dark = "(?:深色模式|暗黑模式|暗色模式|夜间模式|黑暗模式)";
        p.add("set_dark_mode", OPEN + dark + "|切换到" + dark + "|" + CLOSE + "浅色模式", "mode", "on");
        p.add("set_dark_mode", CLOSE + dark + "|切换到浅色模式|" + OPEN + "浅色模式", "mode", "off");
        String dnd = "(?:勿扰模式|免打扰|勿扰|请勿打扰)";
        p.add("set_do_not_disturb", OPEN + dnd, "mode", "on");
        p.add("set_do_not_disturb", CLOSE + dnd, "mode", "off");
        p.add("lock_screen", "锁屏|锁定屏幕|锁住屏幕|锁上屏幕|锁定电脑|锁电脑|锁住电脑");
        p.add("sleep_display", CLOSE + "(?:显示器|屏幕)|(?:显示器|屏幕)休眠|息屏|熄屏|让(?:显示器|屏幕)休眠");
        p.add("take_screenshot", "截屏|截图|截个图|截个屏|截一下屏|截一张图|截张图|截取屏幕|屏幕截图|截全屏|拍个截图");
        p.add("take_screenshot", "(?:截取|截)(?:当前|这个)?窗口(?:截图)?|窗口截图", "area", "window");
        p.add("take_screenshot", "截取(?:屏幕的)?(?:一部分|部分|区域|选区)|区域截图|部分截图", "area", "selection");
        p.add("battery_status", "电量还?(?:有|剩|剩下)?多少|还(?:有|剩)多少电(?:量)?|电池(?:电量)?(?:还有|还剩)?多少"
                + "|(?:查看|看看)?电池(?:电量|状态)|电量(?:怎么样|如何)|(?:正在|在)充电吗|电脑(?:在|正在)充电吗");
        p.add("set_wifi", OPEN + WIFI + "|连接" + WIFI, "mode", "on");
        p.add("set_wifi", CLOSE + WIFI + "|断开" + WIFI, "mode", "off");
        p.add("wifi_status", WIFI + "(?:连上了吗|连接了吗|开着吗|状态)|连的是哪个" + WIFI + "|(?:我)?连(?:上|接)了哪个" + WIFI);
        p.add("set_bluetooth", OPEN + "蓝牙", "mode", "on");
        p.add("set_bluetooth", CLOSE + "蓝牙", "mode", "off");
        p.add("disk_space", "(?:磁盘|硬盘|存储)(?:空间)?(?:还)?(?:剩|有|剩下|剩余)?多少(?:空间)?|(?:磁盘|硬盘)还剩多少空间"
                + "|(?:查看|看看)(?:磁盘|硬盘)空间|还有多少(?:磁盘|硬盘|存储)?空间");
        p.add("uptime", "电脑(?:已经)?(?:开机|运行)(?:了)?多久(?:了)?|开机(?:多长)?时间|运行时间");
        p.add("local_ip_address", "(?:我的)?(?:本机|本地|电脑的?)?ip(?:地址)?(?:是)?(?:多少|什么)");
        p.add("empty_trash", "清空(?:废纸篓|回收站|垃圾桶)");
        String pane = "(?<pane>" + String.join("|", PANES.keySet().stream().sorted((a, b) -> b.length() - a.length())
                .toList()) + ")";
        p.add("open_settings", OPEN + pane + "设置", m -> matched("open_settings",
                arguments().put("pane", PANES.get(m.group("pane").toLowerCase(java.util.Locale.ROOT)))));
        p.add("open_settings", OPEN + "(?:系统)?(?:设置|偏好设置)|系统设置", "pane", "general");
        p.add("restart", "重启(?:电脑|计算机|一下电脑|系统)?|重新启动(?:电脑|计算机)?");
        p.add("shut_down", "关机|关闭(?:电脑|计算机)|关电脑");

        p.add("media_play", "播放|继续播放|继续放|接着放|恢复播放|播放音乐|放(?:点)?音乐|放歌|继续");
        p.add("media_pause", "暂停(?:播放|音乐|一下)?|停止播放|别放了|停止音乐");
        p.add("media_next", "下一首(?:歌)?|(?:切|换|跳)(?:到|换到)?下一首(?:歌)?|换一首(?:歌)?|播放下一首(?:歌)?|跳过(?:这首)?(?:歌)?");
        p.add("media_previous", "上一首(?:歌)?|(?:切|换|回)(?:到|换到)?上一首(?:歌)?|播放上一首(?:歌)?");
        p.add("now_playing", "这是什么歌|这首歌叫什么(?:名字)?|(?:现在|正在)(?:在)?(?:播放|放)(?:的)?(?:是)?什么(?:歌)?"
                + "|这是谁唱的");
        p.add("play_music", "(?:播放|我想听|来一首|放一首)(?<query>.+)", m -> {
            String query = m.group("query");
            return query.matches("音乐|歌|歌曲|一下|下一首.*|上一首.*|视频.*|电影.*") ? FastPathResult.NO_MATCH
                    : Slots.textArgument("play_music", "query", query);
        });

        p.add("web_search", "(?:搜索|搜|百度|谷歌|在网上搜索?|上网查|网上查)(?:一下)?(?<query>.+)", m -> {
            String query = m.group("query");
            return query.matches("(?:文件|文档|我的).*") ? FastPathResult.NO_MATCH
                    : Slots.textArgument("web_search", "query", query);
        });
        p.add("set_timer", "(?:定时|计时|倒计时)(?<duration>.+)|设(?:置|定)?(?:一个)?(?<duration2>.+?)的?(?:计时器|定时器|倒计时)"
                + "|(?<duration3>.+?)(?:后|以后|之后)提醒我", m -> Slots.timer(first(m, "duration", "duration2",
                "duration3"), null, true));
        p.add("create_reminder", "提醒我(?<rest>.+)", m -> chineseReminder(m.group("rest"), slots));
        p.add("create_reminder", "(?<when>.+?(?:后|以后|之后))提醒我(?<text>.+)", m -> slots.time(m.group("when"))
                .map(due -> Slots.reminder(m.group("text"), due)).orElse(FastPathResult.NO_MATCH));
        p.add("create_note", "(?:记一下|记下|记个笔记|新建笔记|写个笔记|记笔记)[:：]?(?<text>.+)",
                m -> Slots.textArgument("create_note", "text", m.group("text")));
        p.add("read_clipboard", "剪贴板(?:里)?(?:有什么|是什么|的内容)|读(?:一下)?剪贴板");
        p.add("type_text", "(?:输入|打字)[:：]?(?<text>.+)", m -> Slots.textArgument("type_text", "text", m.group("text")));
        p.add("run_shortcut", "运行(?:快捷指令|捷径)(?<name>.+)", m -> Slots.textArgument("run_shortcut", "name",
                m.group("name")));
        p.add("open_folder", OPEN + "(?:我的)?(?<folder>下载|文稿|文档|桌面|图片|音乐|影片|视频|个人|主)文件夹",
                m -> matched("open_folder", arguments().put("folder", FOLDERS.get(m.group("folder")))));

        p.add("current_time", "(?:现在)?(?:是)?几点(?:了|钟)?(?:了)?|现在(?:是)?什么时间|现在时间|报(?:一下)?时间");
        p.add("current_date", "今天(?:是)?(?:几号|星期几|礼拜几|周几|几月几(?:号|日)|什么日子|哪天)|今天的日期|(?:今天)?日期是(?:多少|什么)");
        p.add("time_in_city", "(?<city>[\\p{IsHan}]{2,6}?)(?:现在)?(?:是)?几点(?:了|钟)?|(?<city2>[\\p{IsHan}]{2,6}?)(?:的)?(?:现在|当地)时间",
                m -> {
                    String city = first(m, "city", "city2");
                    return city.matches("现在|今天|明天|那|这|这里|那里|我这|我们这") ? FastPathResult.NO_MATCH
                            : Slots.textArgument("time_in_city", "city", city);
                });
        p.add("calculate", "(?:计算|算一下|算算|帮我算)(?<expression>.+?)(?:等于(?:多少|几))?|(?<expression2>.+?)(?:等于|是)(?:多少|几)",
                m -> SpokenArithmetic.expression(first(m, "expression", "expression2"))
                        .map(e -> matched("calculate", arguments().put("expression", e))).orElse(FastPathResult.NO_MATCH));
        p.add("stop", "停|停止|停下|别说了|闭嘴|安静|安静一点|算了|取消|不要说了|停一下");
        p.add("repeat", "再说一遍|再说一次|重复一下|重复一遍|重复|你说什么|你刚才说什么|刚才说的什么|没听清");
        p.add("list_capabilities", "你(?:能|会|可以)(?:做|干)?(?:些)?什么|你有(?:哪些|什么)功能|帮助|你会干嘛");
        p.add("ask_documents", "(?:我的)?(?:文档|文件|笔记)里(?:关于)?(?<question>.+?)(?:是怎么说的|怎么说|说了什么)"
                + "|在我的(?:文档|文件|笔记)里(?:查|找)(?:一下)?(?<question2>.+)",
                m -> Slots.textArgument("ask_documents", "question", first(m, "question", "question2")));
        return p.phrases();
    }

    private static FastPathResult chineseReminder(String rest, Slots slots) {
        // "明天早上八点开会": the longest leading part that reads as a time is the due date.
        for (int end = Math.min(rest.length() - 1, 20); end > 0; end--) {
            Optional<LocalDateTime> due = slots.time(rest.substring(0, end));
            if (due.isPresent()) {
                return Slots.reminder(rest.substring(end), due.get());
            }
        }
        return Slots.textArgument("create_reminder", "text", rest);
    }

}
