package dev.mynah.actions.info;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time anywhere, found by city name: every city that names a time zone ("Tokyo", "New York", "São Paulo"),
 * big cities and countries that do not ("San Francisco", "Beijing", "Mumbai", "Japan") and their Chinese names
 * ("北京", "东京"), or a zone id itself ("Europe/Paris", "UTC").
 */
public final class WorldClock {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.US);
    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    private static final Map<String, Place> PLACES = new HashMap<>();

    /** A place people name and the time zone it keeps. */
    public record Place(String name, ZoneId zone) {
    }

    static {
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            String region = id.substring(0, Math.max(id.indexOf('/'), 0));
            if (REGIONS.contains(region)) {
                String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
                PLACES.putIfAbsent(key(city), new Place(city, ZoneId.of(id)));
            }
        }
        zone("America/Los_Angeles", "San Francisco", "San Jose", "San Diego", "Seattle", "Portland", "Las Vegas",
                "Silicon Valley", "California", "旧金山", "洛杉矶", "西雅图");
        zone("America/Denver", "Salt Lake City", "Albuquerque");
        zone("America/Chicago", "Dallas", "Houston", "Austin", "San Antonio", "Minneapolis", "New Orleans",
                "Nashville", "Kansas City", "St. Louis", "Saint Louis", "芝加哥");
        zone("America/New_York", "Boston", "Washington", "Washington DC", "Philadelphia", "Miami", "Atlanta",
                "Orlando", "Pittsburgh", "Baltimore", "纽约", "波士顿", "华盛顿");
        zone("America/Toronto", "Ottawa", "Montreal", "Quebec City", "多伦多");
        zone("America/Edmonton", "Calgary");
        zone("America/Sao_Paulo", "Rio de Janeiro", "Rio", "Brasilia", "Brazil");
        zone("America/Mexico_City", "Guadalajara", "Mexico");
        zone("Europe/London", "Manchester", "Liverpool", "Birmingham", "Edinburgh", "Glasgow", "UK",
                "United Kingdom", "England", "Britain", "伦敦", "英国");
        zone("Europe/Paris", "Marseille", "Lyon", "Nice", "France", "巴黎", "法国");
        zone("Europe/Berlin", "Munich", "Frankfurt", "Hamburg", "Cologne", "Germany", "柏林", "德国");
        zone("Europe/Madrid", "Barcelona", "Seville", "Valencia", "Spain", "马德里");
        zone("Europe/Rome", "Milan", "Venice", "Florence", "Naples", "Italy", "罗马");
        zone("Europe/Amsterdam", "Rotterdam", "The Hague", "Netherlands", "阿姆斯特丹");
        zone("Europe/Zurich", "Geneva", "Basel", "Bern", "Switzerland", "苏黎世");
        zone("Europe/Moscow", "St. Petersburg", "Saint Petersburg", "莫斯科");
        zone("Europe/Lisbon", "Porto", "Portugal");
        zone("Europe/Warsaw", "Krakow", "Poland");
        zone("Europe/Stockholm", "Gothenburg", "Sweden");
        zone("Europe/Brussels", "Antwerp", "Belgium");
        zone("Asia/Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu", "Wuhan", "Nanjing",
                "Tianjin", "Xi'an", "China", "北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京",
                "天津", "西安", "中国");
        zone("Asia/Hong_Kong", "香港");
        zone("Asia/Taipei", "Taiwan", "台北", "台湾");
        zone("Asia/Tokyo", "Osaka", "Kyoto", "Yokohama", "Japan", "东京", "大阪", "日本");
        zone("Asia/Seoul", "Busan", "Korea", "South Korea", "首尔", "韩国");
        zone("Asia/Singapore", "新加坡");
        zone("Asia/Kolkata", "Mumbai", "Bombay", "Delhi", "New Delhi", "Bangalore", "Bengaluru", "Chennai",
                "Hyderabad", "India", "孟买", "新德里", "印度");
        zone("Asia/Dubai", "Abu Dhabi", "UAE", "迪拜");
        zone("Asia/Bangkok", "Thailand", "曼谷");
        zone("Asia/Ho_Chi_Minh", "Ho Chi Minh City", "Hanoi", "Vietnam");
        zone("Asia/Karachi", "Lahore", "Islamabad", "Pakistan");
        zone("Asia/Jerusalem", "Tel Aviv", "Israel");
        zone("Asia/Riyadh", "Jeddah", "Mecca", "Saudi Arabia");
        zone("Australia/Sydney", "Canberra", "悉尼");
        zone("Australia/Brisbane", "Gold Coast");
        zone("Pacific/Auckland", "Wellington", "New Zealand");
        zone("Africa/Johannesburg", "Cape Town", "South Africa");
        zone("Africa/Cairo", "Egypt", "开罗");
    }

    private final Clock clock;

    public WorldClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * The place called {@code name}.
     *
     * @throws IllegalArgumentException when no time zone is known for it, saying what to try instead
     */
    public static Place place(String name) {
        Place place = PLACES.get(key(name));
        if (place != null) {
            return place;
        }
        try {
            return new Place(name.strip(), ZoneId.of(name.strip()));
        } catch (DateTimeException notAZone) {
            throw new IllegalArgumentException("I don't know which time zone \"" + name.strip()
                    + "\" is in; name a big city near it, like Chicago, London or Tokyo");
        }
    }

    /** "In Tokyo it's 11:05 PM.", naming the weekday when it differs from the day here. */
    public String timeIn(String name) {
        Place place = place(name);
        ZonedDateTime here = ZonedDateTime.now(clock);
        ZonedDateTime there = here.withZoneSameInstant(place.zone());
        String day = there.toLocalDate().equals(here.toLocalDate()) ? "" : " on " + WEEKDAY.format(there);
        return "In " + place.name() + " it's " + spokenTime(there) + day + ".";
    }

    /** "3:05 PM". */
    public static String spokenTime(ZonedDateTime time) {
        return TIME.format(time);
    }

    private static void zone(String id, String... names) {
        ZoneId zone = ZoneId.of(id);
        for (String name : names) {
            PLACES.put(key(name), new Place(name, zone)); // may replace an old zone alias such as Asia/Calcutta
        }
    }

    /** Lower case, no accents, punctuation as spaces: "São Paulo", "sao paulo" and "Sao_Paulo" are one key. */
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\\s_.'’-]+", " ").strip();
    }
}
