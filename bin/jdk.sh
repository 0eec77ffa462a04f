# Finds the JDK SupportFlow builds and runs on; sourced by bin/supportflow and .ci/run.
# select_jdk exports JAVA_HOME (so ./mvnw uses it too) and sets JAVA, or prints what to install and fails.

SUPPORTFLOW_JDK_MIN=25

# The major version of the java binary given, or nothing when it cannot be told.
jdk_major() {
    local version major
    version="$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"
    major="${version%%.*}"
    [ "$major" = 1 ] && major="$(printf '%s' "${version#1.}" | cut -d. -f1)"
    major="${major%%[!0-9]*}"
    printf '%s' "$major"
}

# A JDK (javac beside java: the build needs one) of the minimum version or newer.
jdk_usable() {
    local home="$1" major
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
    major="$(jdk_major "$home/bin/java")"
    [ -n "$major" ] && [ "$major" -ge "$SUPPORTFLOW_JDK_MIN" ]
}

# JAVA_HOME first, then the java on the PATH, then the usual install locations; the first usable one is taken,
# so a JAVA_HOME that is new enough always decides.
jdk_candidates() {
    [ -n "${JAVA_HOME:-}" ] && printf '%s\n' "$JAVA_HOME"
    if command -v java >/dev/null 2>&1; then
        dirname "$(dirname "$(readlink -f "$(command -v java)")")"
    fi
    local dir
    for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$dir" ] && printf '%s\n' "$dir"
    done
}

select_jdk() {
    local home
    while IFS= read -r home; do
        if jdk_usable "$home"; then
            export JAVA_HOME="$home"
            JAVA="$home/bin/java"
            return 0
        fi
    done < <(jdk_candidates)
    {
        printf 'SupportFlow needs a JDK %s or newer (with javac), and none was found:\n' "$SUPPORTFLOW_JDK_MIN"
        printf '  looked at JAVA_HOME (%s), the java on the PATH, /usr/lib/jvm, /opt/java, ~/.sdkman.\n' \
            "${JAVA_HOME:-not set}"
        printf '  Install one, e.g. Eclipse Temurin %s (https://adoptium.net, or the Adoptium apt repository:\n' \
            "$SUPPORTFLOW_JDK_MIN"
        printf '  apt install temurin-%s-jdk), then run again or point JAVA_HOME at it.\n' "$SUPPORTFLOW_JDK_MIN"
    } >&2
    return 1
}
