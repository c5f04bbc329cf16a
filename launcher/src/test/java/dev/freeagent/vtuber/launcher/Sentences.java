package dev.freeagent.vtuber.launcher;

import java.util.List;
import java.util.Random;

/**
 * Varied first-person facts and questions about them, for filling and searching a long-term memory: each fact
 * joins two statements of different shapes, each filled from independent word lists, so that the store's
 * near-duplicate check (cosine 0.9) keeps most of them. Seeded, so every run writes the same facts.
 * Not thread-safe.
 */
final class Sentences {
    private static final List<String> PEOPLE = List.of("sister", "brother", "cousin", "grandmother", "grandfather",
            "aunt", "uncle", "best friend", "neighbour", "colleague", "roommate", "mother", "father", "nephew", "niece",
            "boss", "teacher", "dentist", "landlord", "coach");
    private static final List<String> NAMES = List.of("Alice", "Bruno", "Chen", "Dmitri", "Elena", "Farah", "Giorgio",
            "Hana", "Ivan", "Julia", "Kenji", "Lucia", "Marcus", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Sven",
            "Tomoko", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe");
    private static final List<String> CITIES = List.of("Lisbon", "Osaka", "Nairobi", "Toronto", "Krakow", "Lima",
            "Hanoi", "Reykjavik", "Marseille", "Denver", "Tbilisi", "Auckland", "Bergen", "Cusco", "Seville", "Busan",
            "Zanzibar", "Tallinn", "Montevideo", "Kyoto", "Edinburgh", "Istanbul", "Cape Town", "Vancouver");
    private static final List<String> JOBS = List.of("nurse", "carpenter", "pilot", "baker", "lawyer", "architect",
            "firefighter", "librarian", "chemist", "plumber", "journalist", "farmer", "translator", "veterinarian",
            "electrician", "dancer", "accountant", "sailor", "geologist", "tailor");
    private static final List<String> FOODS = List.of("ramen", "pancakes", "sushi", "lentil soup", "tacos",
            "dumplings", "paella", "falafel", "risotto", "pho", "goulash", "ceviche", "pierogi", "curry", "lasagna",
            "bibimbap", "kebab", "gnocchi", "empanadas", "shakshuka", "porridge", "cheesecake", "baklava", "mochi");
    private static final List<String> HOBBIES = List.of("rock climbing", "knitting", "chess", "surfing",
            "pottery", "birdwatching", "salsa dancing", "woodworking", "astronomy", "fencing", "calligraphy",
            "gardening", "kayaking", "juggling", "origami", "archery", "beekeeping", "photography", "skateboarding",
            "sailing", "bouldering", "embroidery");
    private static final List<String> INSTRUMENTS = List.of("cello", "ukulele", "trumpet", "harp", "drums",
            "violin", "accordion", "saxophone", "banjo", "flute", "piano", "bass guitar", "oboe", "sitar");
    private static final List<String> ANIMALS = List.of("tabby cat", "golden retriever", "parrot", "hamster",
            "tortoise", "rabbit", "ferret", "goldfish", "beagle", "iguana", "husky", "canary", "hedgehog", "poodle");
    private static final List<String> COLOURS = List.of("teal", "crimson", "mustard yellow", "lavender", "olive",
            "navy blue", "coral", "charcoal", "turquoise", "burgundy", "mint green", "amber");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter", "the rainy season",
            "the holidays");
    private static final List<String> THINGS = List.of("thunderstorms", "loud chewing", "cold coffee", "crowded trains",
            "spiders", "early meetings", "slow walkers", "horror films", "wet socks", "traffic jams", "burnt toast",
            "elevator music", "long queues", "mosquitoes");
    private static final List<String> BOOKS = List.of("mystery novels", "science fiction", "poetry",
            "graphic novels", "history books", "cookbooks", "travel memoirs", "fantasy sagas", "philosophy",
            "biographies", "manga", "detective stories");
    private static final List<String> LINKS = List.of("Also, ", "Besides, ", "On top of that, ", "Oh, and ",
            "By the way, ", "");
    private static final List<String> SHAPES = List.of(
            "My %s %s lives in %s and works as a %s.",
            "I usually eat %s on %ss, and %s on %ss.",
            "I took up %s in %s and I practise it with my %s %s.",
            "I play the %s and my %s %s plays the %s.",
            "I have a %s %s named %s who hates %s.",
            "I cannot stand %s, but I love %s and %s.",
            "Last %s I flew to %s to visit my %s, who is a %s.",
            "My favourite colour is %s, my favourite dish is %s and I dream of %s.",
            "I read %s before bed and listen to %s music on %ss.",
            "I want to move to %s one day, open a %s shop and take up %s.",
            "When I was a child in %s, I wanted to be a %s or a %s.",
            "I cook %s for my %s %s every %s.");

    private final Random random;

    Sentences(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A new fact: two statements of different shapes, so that facts rarely share their whole structure.
     *
     * @return the fact
     */
    String fact() {
        int first = random.nextInt(SHAPES.size());
        int second = (first + 1 + random.nextInt(SHAPES.size() - 1)) % SHAPES.size();
        String link = any(LINKS);
        String then = statement(second);
        if (!link.isEmpty() && !then.startsWith("I ")) {
            then = Character.toLowerCase(then.charAt(0)) + then.substring(1);
        }
        return statement(first) + " " + link + then;
    }

    private String statement(int shape) {
        String format = SHAPES.get(shape);
        return switch (shape) {
            case 0 -> format.formatted(any(PEOPLE), any(NAMES), any(CITIES), any(JOBS));
            case 1 -> format.formatted(any(FOODS), any(DAYS), any(FOODS), any(DAYS));
            case 2 -> format.formatted(any(HOBBIES), any(CITIES), any(PEOPLE), any(NAMES));
            case 3 -> format.formatted(any(INSTRUMENTS), any(PEOPLE), any(NAMES), any(INSTRUMENTS));
            case 4 -> format.formatted(any(COLOURS), any(ANIMALS), any(NAMES), any(THINGS));
            case 5 -> format.formatted(any(THINGS), any(HOBBIES), any(FOODS));
            case 6 -> format.formatted(any(SEASONS), any(CITIES), any(PEOPLE), any(JOBS));
            case 7 -> format.formatted(any(COLOURS), any(FOODS), any(CITIES));
            case 8 -> format.formatted(any(BOOKS), any(INSTRUMENTS), any(DAYS));
            case 9 -> format.formatted(any(CITIES), any(FOODS), any(HOBBIES));
            case 10 -> format.formatted(any(CITIES), any(JOBS), any(JOBS));
            default -> format.formatted(any(FOODS), any(PEOPLE), any(NAMES), any(DAYS));
        };
    }

    /**
     * A question a character might look memories up for.
     *
     * @return one question
     */
    String query() {
        return switch (random.nextInt(8)) {
            case 0 -> "Where does the user's " + any(PEOPLE) + " live?";
            case 1 -> "Does the user like " + any(FOODS) + "?";
            case 2 -> "What hobbies does the user have, like " + any(HOBBIES) + "?";
            case 3 -> "Which instrument does the user play, the " + any(INSTRUMENTS) + "?";
            case 4 -> "Tell me about the user's pet " + any(ANIMALS) + ".";
            case 5 -> "What does the user think about " + any(THINGS) + "?";
            case 6 -> "Has the user ever been to " + any(CITIES) + "?";
            default -> "What did the user want to become, maybe a " + any(JOBS) + "?";
        };
    }

    private String any(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
