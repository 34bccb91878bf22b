<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BuiltInTemplates</name>
    <message>
        <source>Development and testing: HTTP and WebSocket on this machine</source>
        <translation>Entwicklung und Test: HTTP und WebSocket auf diesem Rechner</translation>
    </message>
    <message>
        <source>Production deployment: HTTP, WebSocket and MQTT over TLS</source>
        <translation>Produktivbetrieb: HTTP, WebSocket und MQTT über TLS</translation>
    </message>
    <message>
        <source>Lab environment: HTTP, WebSocket, MQTT and SSE for research studies</source>
        <translation>Laborumgebung: HTTP, WebSocket, MQTT und SSE für Forschungsstudien</translation>
    </message>
    <message>
        <source>High-rate data: UDP datagrams and WebSocket for real-time analytics</source>
        <translation>Daten mit hoher Rate: UDP-Datagramme und WebSocket für Echtzeitanalysen</translation>
    </message>
    <message>
        <source>Remote studies on mobile networks: HTTP and a frugal WebSocket</source>
        <translation>Fernstudien über Mobilfunknetze: HTTP und ein sparsamer WebSocket</translation>
    </message>
</context>
<context>
    <name>ConfigField</name>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>inherited: %1</source>
        <translation>geerbt: %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>(set in the base configuration)</source>
        <translation>(in der Basiskonfiguration gesetzt)</translation>
    </message>
</context>
<context>
    <name>ConfigSchema</name>
    <message>
        <source>Name shown in health reports</source>
        <translation>Name in Zustandsberichten</translation>
    </message>
    <message>
        <source>false keeps the distributor configured but off</source>
        <translation>false lässt den Distributor konfiguriert, aber ausgeschaltet</translation>
    </message>
    <message>
        <source>envelope adds sessionId and seq; legacy reproduces the original wire format</source>
        <translation>envelope ergänzt sessionId und seq; legacy erzeugt das ursprüngliche Übertragungsformat</translation>
    </message>
    <message>
        <source>Events held while the target is slow or away</source>
        <translation>Ereignisse, die zurückgehalten werden, solange das Ziel langsam oder nicht erreichbar ist</translation>
    </message>
    <message>
        <source>Which event is dropped when the queue is full</source>
        <translation>Welches Ereignis bei voller Warteschlange verworfen wird</translation>
    </message>
    <message>
        <source>Attempts per event including the first; default: the session&apos;s retryAttempts</source>
        <translation>Versuche pro Ereignis einschließlich des ersten; Standard: retryAttempts der Sitzung</translation>
    </message>
    <message>
        <source>Milliseconds before the first retry; default: the session&apos;s retryDelay</source>
        <translation>Millisekunden bis zur ersten Wiederholung; Standard: retryDelay der Sitzung</translation>
    </message>
    <message>
        <source>linear waits delay × attempt; exponential doubles up to 10 s</source>
        <translation>linear wartet Verzögerung × Versuch; exponential verdoppelt bis 10 s</translation>
    </message>
    <message>
        <source>Alternative configs, tried in order while this one is unhealthy</source>
        <translation>Alternative Konfigurationen, der Reihe nach versucht, solange diese gestört ist</translation>
    </message>
    <message>
        <source>How long the distributor may stay unhealthy before failover</source>
        <translation>Wie lange der Distributor gestört sein darf, bevor auf Failover umgeschaltet wird</translation>
    </message>
    <message>
        <source>Return to the primary configuration once it answers again</source>
        <translation>Zur primären Konfiguration zurückkehren, sobald sie wieder antwortet</translation>
    </message>
    <message>
        <source>Prefix of every request URL (http or https)</source>
        <translation>Präfix jeder Anfrage-URL (http oder https)</translation>
    </message>
    <message>
        <source>Per-request timeout in milliseconds</source>
        <translation>Zeitlimit pro Anfrage in Millisekunden</translation>
    </message>
    <message>
        <source>Headers sent with every request</source>
        <translation>Header, die mit jeder Anfrage gesendet werden</translation>
    </message>
    <message>
        <source>Paths by event name; events/&lt;event&gt; otherwise; health is probed on connect</source>
        <translation>Pfade nach Ereignisname, sonst events/&lt;Ereignis&gt;; der Zustand wird beim Verbinden geprüft</translation>
    </message>
    <message>
        <source>Retries after the first attempt</source>
        <translation>Wiederholungen nach dem ersten Versuch</translation>
    </message>
    <message>
        <source>Mark connected even if every probe fails</source>
        <translation>Als verbunden markieren, auch wenn jede Zustandsprüfung fehlschlägt</translation>
    </message>
    <message>
        <source>Accepted for compatibility; requests are not compressed</source>
        <translation>Aus Kompatibilitätsgründen akzeptiert; Anfragen werden nicht komprimiert</translation>
    </message>
    <message>
        <source>Requests on the wire at once</source>
        <translation>Gleichzeitig laufende Anfragen</translation>
    </message>
    <message>
        <source>PEM CA file trusted for https://; the system CAs otherwise</source>
        <translation>PEM-CA-Datei, der für https:// vertraut wird; sonst die CAs des Systems</translation>
    </message>
    <message>
        <source>Port the WebSocket server listens on</source>
        <translation>Port, auf dem der WebSocket-Server lauscht</translation>
    </message>
    <message>
        <source>Listen address; 0.0.0.0 accepts other machines</source>
        <translation>Lauschadresse; 0.0.0.0 nimmt auch Verbindungen anderer Rechner an</translation>
    </message>
    <message>
        <source>Clients beyond this are closed with code 1013</source>
        <translation>Weitere Clients werden mit Code 1013 geschlossen</translation>
    </message>
    <message>
        <source>Heartbeat period in ms; 0 disables</source>
        <translation>Heartbeat-Intervall in ms; 0 schaltet ihn ab</translation>
    </message>
    <message>
        <source>Not supported by Qt WebSockets; has no effect</source>
        <translation>Von Qt WebSockets nicht unterstützt; ohne Wirkung</translation>
    </message>
    <message>
        <source>Largest inbound message in bytes</source>
        <translation>Größte eingehende Nachricht in Byte</translation>
    </message>
    <message>
        <source>strict: subscribed clients get only their events</source>
        <translation>strict: abonnierte Clients erhalten nur ihre Ereignisse</translation>
    </message>
    <message>
        <source>Clients must send ?token= or Authorization: Bearer</source>
        <translation>Clients müssen ?token= oder Authorization: Bearer senden</translation>
    </message>
    <message>
        <source>PEM certificate; with tlsKeyFile serves wss://</source>
        <translation>PEM-Zertifikat; mit tlsKeyFile wird wss:// angeboten</translation>
    </message>
    <message>
        <source>PEM private key for wss://</source>
        <translation>Privater PEM-Schlüssel für wss://</translation>
    </message>
    <message>
        <source>mqtt://host:1883 or mqtts://host:8883</source>
        <translation>mqtt://host:1883 oder mqtts://host:8883</translation>
    </message>
    <message>
        <source>Client id; the session id is appended; default labrelay-&lt;ms&gt;</source>
        <translation>Client-ID; die Sitzungs-ID wird angehängt; Standard: labrelay-&lt;ms&gt;</translation>
    </message>
    <message>
        <source>User name for the broker</source>
        <translation>Benutzername für den Broker</translation>
    </message>
    <message>
        <source>Password for the broker</source>
        <translation>Passwort für den Broker</translation>
    </message>
    <message>
        <source>0 at most once, 1 at least once, 2 exactly once</source>
        <translation>0 höchstens einmal, 1 mindestens einmal, 2 genau einmal</translation>
    </message>
    <message>
        <source>Broker keeps the last message per topic</source>
        <translation>Der Broker behält die letzte Nachricht pro Topic</translation>
    </message>
    <message>
        <source>Topic per event name; &lt;prefix&gt;/&lt;event&gt; otherwise</source>
        <translation>Topic pro Ereignisname, sonst &lt;Präfix&gt;/&lt;Ereignis&gt;</translation>
    </message>
    <message>
        <source>Event name to topic key, e.g. gaze</source>
        <translation>Ereignisname → Topic-Schlüssel, z. B. gaze</translation>
    </message>
    <message>
        <source>Keep-alive interval in seconds</source>
        <translation>Keep-alive-Intervall in Sekunden</translation>
    </message>
    <message>
        <source>Start without state kept by the broker</source>
        <translation>Ohne beim Broker gespeicherten Status beginnen</translation>
    </message>
    <message>
        <source>MQTT protocol version</source>
        <translation>MQTT-Protokollversion</translation>
    </message>
    <message>
        <source>Milliseconds to wait for CONNACK</source>
        <translation>Wartezeit auf CONNACK in Millisekunden</translation>
    </message>
    <message>
        <source>Milliseconds to wait for PUBACK/PUBCOMP at QoS 1/2</source>
        <translation>Wartezeit auf PUBACK/PUBCOMP bei QoS 1/2 in Millisekunden</translation>
    </message>
    <message>
        <source>PEM CA file for mqtts://; the system CAs otherwise</source>
        <translation>PEM-CA-Datei für mqtts://; sonst die CAs des Systems</translation>
    </message>
    <message>
        <source>Retained &lt;prefix&gt;/status online/offline with a last will</source>
        <translation>Retained-Nachricht &lt;Präfix&gt;/status online/offline mit Last Will</translation>
    </message>
    <message>
        <source>QoS 1/2 messages awaiting acknowledgement</source>
        <translation>QoS-1/2-Nachrichten, die auf Bestätigung warten</translation>
    </message>
    <message>
        <source>Default target port</source>
        <translation>Standard-Zielport</translation>
    </message>
    <message>
        <source>Default target host</source>
        <translation>Standard-Zielhost</translation>
    </message>
    <message>
        <source>Local port to send from; 0 picks one</source>
        <translation>Lokaler Absendeport; 0 wählt einen freien</translation>
    </message>
    <message>
        <source>Largest uncompressed envelope in bytes (at most 65507)</source>
        <translation>Größte unkomprimierte Envelope-Nachricht in Byte (höchstens 65507)</translation>
    </message>
    <message>
        <source>gzip every datagram; receivers must gunzip (1F 8B)</source>
        <translation>Jedes Datagramm mit gzip komprimieren; Empfänger müssen entpacken (1F 8B)</translation>
    </message>
    <message>
        <source>Destinations, host:port</source>
        <translation>Ziele, host:port</translation>
    </message>
    <message>
        <source>Path of the event stream</source>
        <translation>Pfad des Ereignisstroms</translation>
    </message>
    <message>
        <source>Port the SSE server listens on</source>
        <translation>Port, auf dem der SSE-Server lauscht</translation>
    </message>
    <message>
        <source>Heartbeat comment period in ms; 0 disables</source>
        <translation>Intervall der Heartbeat-Kommentare in ms; 0 schaltet sie ab</translation>
    </message>
    <message>
        <source>Accepted for compatibility; streams are not compressed</source>
        <translation>Aus Kompatibilitätsgründen akzeptiert; Streams werden nicht komprimiert</translation>
    </message>
    <message>
        <source>Streams beyond this get 503</source>
        <translation>Weitere Streams erhalten 503</translation>
    </message>
    <message>
        <source>Allowed browser origins; a listed Origin is reflected</source>
        <translation>Erlaubte Browser-Origins; ein aufgeführter Origin wird zurückgegeben</translation>
    </message>
    <message>
        <source>Events kept for Last-Event-ID resume</source>
        <translation>Ereignisse, die für die Fortsetzung per Last-Event-ID vorgehalten werden</translation>
    </message>
    <message>
        <source>Probe every distributor periodically</source>
        <translation>Jeden Distributor regelmäßig prüfen</translation>
    </message>
    <message>
        <source>Milliseconds between health probes</source>
        <translation>Millisekunden zwischen Zustandsprüfungen</translation>
    </message>
    <message>
        <source>Attempts per event including the first</source>
        <translation>Versuche pro Ereignis einschließlich des ersten</translation>
    </message>
    <message>
        <source>Milliseconds before the first retry</source>
        <translation>Millisekunden bis zur ersten Wiederholung</translation>
    </message>
    <message>
        <source>What happens to an event without a route and no &quot;*&quot; route</source>
        <translation>Was mit einem Ereignis ohne eigene Route und ohne „*“-Route geschieht</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Recording into %1</source>
        <translation>Aufzeichnung nach %1</translation>
    </message>
    <message>
        <source>Replay Recording</source>
        <translation>Aufzeichnung wiedergeben</translation>
    </message>
    <message>
        <source>LabRelay recordings (*.jsonl)</source>
        <translation>LabRelay-Aufzeichnungen (*.jsonl)</translation>
    </message>
    <message>
        <source>Replay Speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Speed (1 = as recorded, 2 = twice as fast, 0 = as fast as possible):</source>
        <translation>Geschwindigkeit (1 = wie aufgezeichnet, 2 = doppelt so schnell, 0 = so schnell wie möglich):</translation>
    </message>
    <message>
        <source>Control API not available: %1</source>
        <translation>Steuer-API nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Control API listening on %1</source>
        <translation>Steuer-API lauscht auf %1</translation>
    </message>
</context>
<context>
    <name>DistributorEditor</name>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reconfigure the running distributor with these settings</source>
        <translation>Den laufenden Distributor mit diesen Einstellungen neu konfigurieren</translation>
    </message>
    <message>
        <source>Go back to the configuration last loaded</source>
        <translation>Zur zuletzt geladenen Konfiguration zurückkehren</translation>
    </message>
    <message>
        <source>%1 distributor</source>
        <translation>%1-Distributor</translation>
    </message>
    <message>
        <source>Unknown distributor type: %1</source>
        <translation>Unbekannter Distributor-Typ: %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Übernommen.</translation>
    </message>
</context>
<context>
    <name>DistributorForm</name>
    <message>
        <source>%1 settings</source>
        <translation>%1-Einstellungen</translation>
    </message>
    <message>
        <source>Delivery and failover</source>
        <translation>Zustellung und Failover</translation>
    </message>
    <message>
        <source>has no effect</source>
        <translation>ohne Wirkung</translation>
    </message>
    <message>
        <source>Kept as written, not known to this form: %1</source>
        <translation>Unverändert beibehalten, diesem Formular unbekannt: %1</translation>
    </message>
</context>
<context>
    <name>DistributorOverrides</name>
    <message>
        <source>Configure %1</source>
        <translation>%1 konfigurieren</translation>
    </message>
    <message>
        <source>Start enabled</source>
        <translation>Aktiviert starten</translation>
    </message>
    <message>
        <source>Part of the template</source>
        <translation>Teil der Vorlage</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (aus)</translation>
    </message>
</context>
<context>
    <name>DistributorTableModel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n client(s))</source>
        <translation>
            <numerusform>%1 (%n Client)</numerusform>
            <numerusform>%1 (%n Clients)</numerusform>
        </translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <source>Session %1 is not running</source>
        <translation>Sitzung %1 läuft nicht</translation>
    </message>
    <message>
        <source>This session has no configuration for %1</source>
        <translation>Diese Sitzung hat keine Konfiguration für %1</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>unbekannter Zeitpunkt</translation>
    </message>
    <message>
        <source>Last error (%1): %2</source>
        <translation>Letzter Fehler (%1): %2</translation>
    </message>
    <message>
        <source>Running: click to disable</source>
        <translation>Läuft: zum Deaktivieren klicken</translation>
    </message>
    <message>
        <source>Stopped: click to enable</source>
        <translation>Gestoppt: zum Aktivieren klicken</translation>
    </message>
    <message>
        <source>Queue full: %1
Distributor disabled: %2
No clients connected: %3</source>
        <translation>Warteschlange voll: %1
Distributor deaktiviert: %2
Keine Clients verbunden: %3</translation>
    </message>
    <message>
        <source>Using configuration %1 of %2 (0 is the primary)</source>
        <translation>Verwendet Konfiguration %1 von %2 (0 ist die primäre)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>The distributor type</source>
        <translation>Der Distributor-Typ</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Whether the distributor runs; click to enable or disable it live</source>
        <translation>Ob der Distributor läuft; klicken, um ihn im laufenden Betrieb zu aktivieren oder zu deaktivieren</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Connection state as the distributor reports it</source>
        <translation>Verbindungsstatus, wie ihn der Distributor meldet</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Where events go: URL, broker, address and port; connected clients for servers</source>
        <translation>Wohin die Ereignisse gehen: URL, Broker, Adresse und Port; bei Servern die verbundenen Clients</translation>
    </message>
    <message>
        <source>Sent/s</source>
        <translation>Gesendet/s</translation>
    </message>
    <message>
        <source>Events sent per second</source>
        <translation>Gesendete Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Events waiting in the outbox, in flight or waiting to be retried</source>
        <translation>Ereignisse im Ausgangspuffer, unterwegs oder auf eine Wiederholung wartend</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Events dropped: queue full, distributor disabled or no clients (hover a cell for the breakdown)</source>
        <translation>Verworfene Ereignisse: Warteschlange voll, Distributor deaktiviert oder keine Clients (für die Aufschlüsselung auf eine Zelle zeigen)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sends that failed after all retries</source>
        <translation>Sendevorgänge, die nach allen Wiederholungen fehlgeschlagen sind</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>95th percentile send latency</source>
        <translation>95. Perzentil der Sendelatenz</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Zustellprobe</translation>
    </message>
    <message>
        <source>Delivery probe: a real client that receives what the distributor sends</source>
        <translation>Zustellprobe: ein echter Client, der empfängt, was der Distributor sendet</translation>
    </message>
    <message>
        <source>Probe received</source>
        <translation>Zustellprobe empfangen</translation>
    </message>
    <message>
        <source>Distinct events the delivery probe received</source>
        <translation>Verschiedene Ereignisse, die die Zustellprobe empfangen hat</translation>
    </message>
    <message>
        <source>Probe lost</source>
        <translation>Zustellprobe verloren</translation>
    </message>
    <message>
        <source>Events the delivery probe never received (gaps in the sequence)</source>
        <translation>Ereignisse, die die Zustellprobe nie empfangen hat (Lücken in der Folge)</translation>
    </message>
    <message>
        <source>Probe p99</source>
        <translation>Zustellprobe p99</translation>
    </message>
    <message>
        <source>99th percentile latency from entering the session to arriving at the probe</source>
        <translation>99. Perzentil der Latenz vom Eintritt in die Sitzung bis zur Ankunft bei der Zustellprobe</translation>
    </message>
</context>
<context>
    <name>DistributorsPanel</name>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Start the selected distributor</source>
        <translation>Den ausgewählten Distributor starten</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Stop the selected distributor and release its resources</source>
        <translation>Den ausgewählten Distributor stoppen und seine Ressourcen freigeben</translation>
    </message>
    <message>
        <source>&amp;Reconfigure…</source>
        <translation>&amp;Neu konfigurieren…</translation>
    </message>
    <message>
        <source>Change the selected distributor&apos;s settings live</source>
        <translation>Die Einstellungen des ausgewählten Distributors im laufenden Betrieb ändern</translation>
    </message>
    <message>
        <source>Switch to &amp;Failover Now</source>
        <translation>Jetzt auf &amp;Failover umschalten</translation>
    </message>
    <message>
        <source>Move the selected distributor to its next failover configuration</source>
        <translation>Den ausgewählten Distributor auf seine nächste Failover-Konfiguration umschalten</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <source>Distributors of session %1</source>
        <translation>Distributoren der Sitzung %1</translation>
    </message>
</context>
<context>
    <name>EngineLogBridge</name>
    <message>
        <source>Session created</source>
        <translation>Sitzung erstellt</translation>
    </message>
    <message>
        <source>Session is %1</source>
        <translation>Sitzungsstatus: %1</translation>
    </message>
    <message>
        <source>Session closed; its ports are free</source>
        <translation>Sitzung geschlossen; ihre Ports sind frei</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the primary configuration</source>
        <translation>primäre Konfiguration</translation>
    </message>
    <message>
        <source>failover alternative %1</source>
        <translation>Failover-Alternative %1</translation>
    </message>
    <message>
        <source>Switched from %1 to %2 (%3)</source>
        <translation>Umgeschaltet: %1 → %2 (%3)</translation>
    </message>
    <message>
        <source>Events such as %1 are dropped (%2); counted in the table</source>
        <translation>Ereignisse wie %1 werden verworfen (%2); in der Tabelle gezählt</translation>
    </message>
    <message>
        <source>Routing table replaced</source>
        <translation>Routing-Tabelle ersetzt</translation>
    </message>
    <message numerus="yes">
        <source>Replay finished: %n event(s)</source>
        <translation>
            <numerusform>Wiedergabe beendet: %n Ereignis</numerusform>
            <numerusform>Wiedergabe beendet: %n Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentModel</name>
    <message>
        <source>When unset: %1</source>
        <translation>Wenn nicht gesetzt: %1</translation>
    </message>
    <message>
        <source>Set for this run; no template reads it</source>
        <translation>Für diesen Lauf gesetzt; keine Vorlage liest sie</translation>
    </message>
    <message>
        <source>set for this run</source>
        <translation>für diesen Lauf gesetzt</translation>
    </message>
    <message>
        <source>unset for this run</source>
        <translation>für diesen Lauf entfernt</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>EnvironmentPanel</name>
    <message>
        <source>Set for this run</source>
        <translation>Für diesen Lauf setzen</translation>
    </message>
    <message>
        <source>Unset for this run</source>
        <translation>Für diesen Lauf entfernen</translation>
    </message>
    <message>
        <source>Reload environment</source>
        <translation>Umgebung neu laden</translation>
    </message>
    <message>
        <source>e.g. MQTT_PASSWORD</source>
        <translation>z. B. MQTT_PASSWORD</translation>
    </message>
    <message>
        <source>never saved to disk</source>
        <translation>wird nie gespeichert</translation>
    </message>
    <message>
        <source>Read the process environment again; built-in templates follow it from the next session on</source>
        <translation>Die Prozessumgebung neu einlesen; mitgelieferte Vorlagen folgen ihr ab der nächsten Sitzung</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 is set for this run; it is not saved.</source>
        <translation>%1 ist für diesen Lauf gesetzt; der Wert wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>%1 is unset for this run.</source>
        <translation>%1 ist für diesen Lauf entfernt.</translation>
    </message>
    <message>
        <source>Environment reloaded; values set for this run still apply.</source>
        <translation>Umgebung neu geladen; für diesen Lauf gesetzte Werte gelten weiterhin.</translation>
    </message>
    <message>
        <source>Platform: %1 — environment: %2</source>
        <translation>Plattform: %1 — Umgebung: %2</translation>
    </message>
    <message>
        <source>Variable name must not be empty</source>
        <translation>Der Variablenname darf nicht leer sein</translation>
    </message>
    <message>
        <source>Variable name &quot;%1&quot; must start with a letter or &apos;_&apos; and hold only letters, digits and &apos;_&apos;</source>
        <translation>Der Variablenname „%1“ muss mit einem Buchstaben oder „_“ beginnen und darf nur Buchstaben, Ziffern und „_“ enthalten</translation>
    </message>
</context>
<context>
    <name>EventLogDock</name>
    <message>
        <source>Event Log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Remove every entry from the log</source>
        <translation>Alle Einträge aus dem Protokoll entfernen</translation>
    </message>
    <message>
        <source>Show the entries of one session, or of all</source>
        <translation>Die Einträge einer Sitzung oder aller Sitzungen anzeigen</translation>
    </message>
    <message>
        <source>Show entries of this severity and worse</source>
        <translation>Einträge dieses und höheren Schweregrads anzeigen</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Sess&amp;ion:</source>
        <translation>S&amp;itzung:</translation>
    </message>
    <message>
        <source>Severit&amp;y:</source>
        <translation>Sch&amp;weregrad:</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Alle Sitzungen</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>When it happened (local time)</source>
        <translation>Wann es geschah (Ortszeit)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Info, warning or error</source>
        <translation>Info, Warnung oder Fehler</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>The session concerned; empty for the whole engine</source>
        <translation>Die betroffene Sitzung; leer für die gesamte Engine</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributor</translation>
    </message>
    <message>
        <source>The distributor type concerned; empty when none in particular</source>
        <translation>Der betroffene Distributor-Typ; leer, wenn keiner im Besonderen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschehen ist</translation>
    </message>
</context>
<context>
    <name>FailoverField</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Add alternative</source>
        <translation>Alternative hinzufügen</translation>
    </message>
    <message>
        <source>%1. same as the primary configuration</source>
        <translation>%1. wie die primäre Konfiguration</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>HeadlessOptions</name>
    <message>
        <source>Run without a window: create the sessions of the --config files, serve the control API, stop on SIGINT/SIGTERM.</source>
        <translation>Ohne Fenster ausführen: die Sitzungen der --config-Dateien erstellen, die Steuer-API bereitstellen, bei SIGINT/SIGTERM beenden.</translation>
    </message>
    <message>
        <source>A session config file to run (repeatable).</source>
        <translation>Eine auszuführende Sitzungskonfigurationsdatei (wiederholbar).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Port of the control API (default %1; 0 picks a free port).</source>
        <translation>Port der Steuer-API (Standard %1; 0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Address the control API binds to (default 127.0.0.1).</source>
        <translation>Adresse, an die sich die Steuer-API bindet (Standard 127.0.0.1).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Bearer token the API requires; mandatory off loopback. LABRELAY_API_TOKEN is read when this is not given.</source>
        <translation>Bearer-Token, das die API verlangt; außerhalb von Loopback Pflicht. Fehlt es, wird LABRELAY_API_TOKEN gelesen.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Accept NDJSON events on this UDP port (off by default; 0 picks a free port).</source>
        <translation>NDJSON-Ereignisse auf diesem UDP-Port annehmen (standardmäßig aus; 0 wählt einen freien Port).</translation>
    </message>
</context>
<context>
    <name>HealthChartWidget</name>
    <message>
        <source>seconds ago</source>
        <translation>Sekunden vor jetzt</translation>
    </message>
    <message>
        <source>Events per second</source>
        <translation>Ereignisse pro Sekunde</translation>
    </message>
    <message>
        <source>events/s</source>
        <translation>Ereignisse/s</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Freeze the charts; data is still recorded</source>
        <translation>Die Diagramme einfrieren; die Daten werden weiter erfasst</translation>
    </message>
    <message>
        <source>Paused: still recording, the charts catch up when you resume.</source>
        <translation>Angehalten: Die Daten werden weiter erfasst, die Diagramme holen beim Fortsetzen auf.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>IntegerField</name>
    <message>
        <source>An integer from %1 to %2, or a ${VARIABLE} reference</source>
        <translation>Eine ganze Zahl von %1 bis %2 oder ein ${VARIABLE}-Verweis</translation>
    </message>
</context>
<context>
    <name>LiveStates</name>
    <message>
        <source>initializing</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>wird geschlossen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
</context>
<context>
    <name>LogEntry</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LabRelay</source>
        <translation>LabRelay</translation>
    </message>
    <message>
        <source>Double-click a distributor (or select it and press Ctrl+R) to edit its configuration here. Apply changes it live.</source>
        <translation>Doppelklicken Sie auf einen Distributor (oder wählen Sie ihn aus und drücken Sie Strg+R), um seine Konfiguration hier zu bearbeiten. „Übernehmen“ ändert sie im laufenden Betrieb.</translation>
    </message>
    <message>
        <source>&amp;Distributors</source>
        <translation>Dis&amp;tributoren</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>&amp;Routing</translation>
    </message>
    <message>
        <source>Hea&amp;lth</source>
        <translation>&amp;Zustand</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>&amp;New Session…</source>
        <translation>&amp;Neue Sitzung…</translation>
    </message>
    <message>
        <source>Create a session from a template</source>
        <translation>Eine Sitzung aus einer Vorlage erstellen</translation>
    </message>
    <message>
        <source>&amp;Open Session Config…</source>
        <translation>Sitzungskonfiguration ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Create a session from a *.labrelay.json file</source>
        <translation>Eine Sitzung aus einer *.labrelay.json-Datei erstellen</translation>
    </message>
    <message>
        <source>&amp;Export Session Config…</source>
        <translation>Sitzungskonfiguration &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the selected session&apos;s configuration to a file</source>
        <translation>Die Konfiguration der ausgewählten Sitzung in eine Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Close Session</source>
        <translation>Sitzung &amp;schließen</translation>
    </message>
    <message>
        <source>Close the selected session and release its ports</source>
        <translation>Die ausgewählte Sitzung schließen und ihre Ports freigeben</translation>
    </message>
    <message>
        <source>&amp;Synthetic Source</source>
        <translation>&amp;Synthetische Quelle</translation>
    </message>
    <message>
        <source>Feed the selected session with synthetic eye-tracking data (F5)</source>
        <translation>Die ausgewählte Sitzung mit synthetischen Eyetracking-Daten speisen (F5)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Aufzeichnen</translation>
    </message>
    <message>
        <source>Record every event of the selected session to JSONL files (Ctrl+Shift+R)</source>
        <translation>Jedes Ereignis der ausgewählten Sitzung in JSONL-Dateien aufzeichnen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Re&amp;play Recording…</source>
        <translation>Aufzeichnung &amp;wiedergeben…</translation>
    </message>
    <message>
        <source>Feed a recording into the selected session</source>
        <translation>Eine Aufzeichnung in die ausgewählte Sitzung einspeisen</translation>
    </message>
    <message>
        <source>Start &amp;Demo</source>
        <translation>&amp;Demo starten</translation>
    </message>
    <message>
        <source>Open the loopback demo session with live synthetic data</source>
        <translation>Die Loopback-Demositzung mit synthetischen Live-Daten öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close every session and quit (Ctrl+Q)</source>
        <translation>Alle Sitzungen schließen und beenden (Strg+Q)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About LabRelay</source>
        <translation>Ü&amp;ber LabRelay</translation>
    </message>
    <message>
        <source>About LabRelay</source>
        <translation>Über LabRelay</translation>
    </message>
    <message>
        <source>&lt;b&gt;LabRelay %1&lt;/b&gt;&lt;p&gt;Routes live study events to HTTP, WebSocket, MQTT, UDP and SSE distributors.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LabRelay %1&lt;/b&gt;&lt;p&gt;Leitet Live-Ereignisse aus Studien an HTTP-, WebSocket-, MQTT-, UDP- und SSE-Distributoren weiter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <source>%1 — %2 — %3 events/s — %4 failed</source>
        <translation>%1 — %2 — %3 Ereignisse/s — %4 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ oder „-“</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(keine Vorlage)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Session id</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Enter a session id.</source>
        <translation>Geben Sie eine Sitzungs-ID ein.</translation>
    </message>
    <message>
        <source>A session with the id &quot;%1&quot; already exists.</source>
        <translation>Eine Sitzung mit der ID „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Choose at least one distributor to start enabled (an empty list would start all of them).</source>
        <translation>Wählen Sie mindestens einen Distributor, der aktiviert startet (eine leere Liste würde alle starten).</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
</context>
<context>
    <name>RoutingCommands</name>
    <message>
        <source>Route %1 to %2</source>
        <translation>%1 an %2 routen</translation>
    </message>
    <message>
        <source>Stop routing %1 to %2</source>
        <translation>%1 nicht mehr an %2 routen</translation>
    </message>
    <message>
        <source>Add event %1</source>
        <translation>Ereignis %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove event %1</source>
        <translation>Ereignis %1 entfernen</translation>
    </message>
    <message>
        <source>Rename event %1 to %2</source>
        <translation>Ereignis %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Set unrouted policy to %1</source>
        <translation>Regel für nicht geroutete Ereignisse auf %1 setzen</translation>
    </message>
</context>
<context>
    <name>RoutingPanel</name>
    <message>
        <source>Changes not applied yet</source>
        <translation>Änderungen noch nicht übernommen</translation>
    </message>
    <message>
        <source>Broadcast to every enabled distributor</source>
        <translation>An alle aktivierten Distributoren senden</translation>
    </message>
    <message>
        <source>Drop (counted)</source>
        <translation>Verwerfen (gezählt)</translation>
    </message>
    <message>
        <source>What happens to an event that has neither its own row nor a &quot;*&quot; route</source>
        <translation>Was mit einem Ereignis geschieht, das weder eine eigene Zeile noch eine „*“-Route hat</translation>
    </message>
    <message>
        <source>&amp;Unrouted events:</source>
        <translation>&amp;Nicht geroutete Ereignisse:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributor</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The event name of the route</source>
        <translation>Der Ereignisname der Route</translation>
    </message>
    <message>
        <source>The distributor type the route names</source>
        <translation>Der Distributor-Typ, den die Route nennt</translation>
    </message>
    <message>
        <source>Accepted routes deliver now; skipped ones are kept and deliver once their distributor is enabled</source>
        <translation>Angenommene Routen stellen sofort zu; übersprungene bleiben erhalten und stellen zu, sobald ihr Distributor aktiviert ist</translation>
    </message>
    <message>
        <source>&amp;Add Event</source>
        <translation>Ereignis &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a row for an event name</source>
        <translation>Eine Zeile für einen Ereignisnamen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Rename Event</source>
        <translation>Ereignis &amp;umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected event</source>
        <translation>Das ausgewählte Ereignis umbenennen</translation>
    </message>
    <message>
        <source>Re&amp;move Event</source>
        <translation>Ereignis &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected event&apos;s row</source>
        <translation>Die Zeile des ausgewählten Ereignisses entfernen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Send this routing table to the session</source>
        <translation>Diese Routing-Tabelle an die Sitzung senden</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Applied: %n route(s) deliver now</source>
        <translation>
            <numerusform>Übernommen: %n Route stellt jetzt zu;</numerusform>
            <numerusform>Übernommen: %n Routen stellen jetzt zu;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped until their distributor is enabled</source>
        <translation>
            <numerusform>%n wird übersprungen, bis ihr Distributor aktiviert ist</numerusform>
            <numerusform>%n werden übersprungen, bis ihr Distributor aktiviert ist</numerusform>
        </translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
</context>
<context>
    <name>RoutingTableModel</name>
    <message>
        <source>Events without a row of their own go where &quot;*&quot; routes them; when &quot;*&quot; routes nowhere, the unrouted policy decides</source>
        <translation>Ereignisse ohne eigene Zeile gehen dorthin, wohin „*“ sie routet; routet „*“ nirgendwohin, entscheidet die Regel für nicht geroutete Ereignisse</translation>
    </message>
    <message>
        <source>Double-click or press F2 to rename</source>
        <translation>Zum Umbenennen doppelklicken oder F2 drücken</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <source>Routes to a configured but disabled distributor: events are counted as dropped until it is enabled</source>
        <translation>Route zu einem konfigurierten, aber deaktivierten Distributor: Ereignisse werden als verworfen gezählt, bis er aktiviert ist</translation>
    </message>
    <message>
        <source>Routes to a distributor type this session has not configured: events are reported as skipped</source>
        <translation>Route zu einem Distributor-Typ, den diese Sitzung nicht konfiguriert hat: Ereignisse werden als übersprungen gemeldet</translation>
    </message>
    <message>
        <source>%1 events are sent to %2</source>
        <translation>%1-Ereignisse werden an %2 gesendet</translation>
    </message>
    <message>
        <source>Click to send %1 events to %2</source>
        <translation>Klicken, um %1-Ereignisse an %2 zu senden</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>The event name; &quot;*&quot; stands for every event without a row of its own</source>
        <translation>Der Ereignisname; „*“ steht für jedes Ereignis ohne eigene Zeile</translation>
    </message>
    <message>
        <source>Route events to the %1 distributor</source>
        <translation>Ereignisse an den %1-Distributor routen</translation>
    </message>
    <message>
        <source>Route events to the %1 distributor (configured but disabled now)</source>
        <translation>Ereignisse an den %1-Distributor routen (konfiguriert, aber derzeit deaktiviert)</translation>
    </message>
    <message>
        <source>Route events to the %1 distributor (not configured in this session)</source>
        <translation>Ereignisse an den %1-Distributor routen (in dieser Sitzung nicht konfiguriert)</translation>
    </message>
    <message>
        <source>Event name: must not be empty</source>
        <translation>Ereignisname: darf nicht leer sein</translation>
    </message>
    <message>
        <source>Event name &quot;*&quot;: reserved for the wildcard row</source>
        <translation>Ereignisname „*“: für die Platzhalterzeile reserviert</translation>
    </message>
    <message>
        <source>Event name &quot;%1&quot;: another row already has this name</source>
        <translation>Ereignisname „%1“: eine andere Zeile hat bereits diesen Namen</translation>
    </message>
    <message>
        <source>Event &quot;*&quot;: the wildcard row cannot be renamed</source>
        <translation>Ereignis „*“: die Platzhalterzeile kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Event &quot;%1&quot;: no such row</source>
        <translation>Ereignis „%1“: keine solche Zeile</translation>
    </message>
    <message>
        <source>Event &quot;*&quot;: the wildcard row cannot be removed; uncheck its cells to route nothing through it</source>
        <translation>Ereignis „*“: die Platzhalterzeile kann nicht entfernt werden; entfernen Sie die Häkchen in ihren Zellen, um nichts über sie zu routen</translation>
    </message>
    <message>
        <source>Distributor type &quot;%1&quot;: not one of %2</source>
        <translation>Distributor-Typ „%1“: keiner von %2</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Open Session Config</source>
        <translation>Sitzungskonfiguration öffnen</translation>
    </message>
    <message>
        <source>LabRelay session configs (*.labrelay.json *.json);;All files (*)</source>
        <translation>LabRelay-Sitzungskonfigurationen (*.labrelay.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Session Config</source>
        <translation>Sitzungskonfiguration exportieren</translation>
    </message>
    <message>
        <source>LabRelay session configs (*.labrelay.json)</source>
        <translation>LabRelay-Sitzungskonfigurationen (*.labrelay.json)</translation>
    </message>
    <message>
        <source>Include secrets?</source>
        <translation>Geheime Werte einschließen?</translation>
    </message>
    <message>
        <source>Write literal passwords, tokens and Authorization headers into the file?

Without them the file keeps ${VARIABLE} references only, and is safe to share.</source>
        <translation>Passwörter, Tokens und Authorization-Header im Klartext in die Datei schreiben?

Ohne sie enthält die Datei nur ${VARIABLE}-Verweise und kann gefahrlos weitergegeben werden.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source> (left out: %1)</source>
        <translation> (ausgelassen: %1)</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Session %1 is %2</source>
        <translation>Sitzung %1: %2</translation>
    </message>
    <message>
        <source>%1 events entered this session in total; %2 were dropped by the unrouted policy</source>
        <translation>Insgesamt %1 Ereignisse sind in diese Sitzung eingegangen; %2 wurden durch die Regel für nicht geroutete Ereignisse verworfen</translation>
    </message>
    <message>
        <source>Failed sends over all distributors of this session</source>
        <translation>Fehlgeschlagene Sendevorgänge über alle Distributoren dieser Sitzung</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Events/s</source>
        <translation>Ereignisse/s</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The session id, unique in this engine</source>
        <translation>Die Sitzungs-ID, eindeutig in dieser Engine</translation>
    </message>
    <message>
        <source>The configuration template the session was built from</source>
        <translation>Die Konfigurationsvorlage, aus der die Sitzung erstellt wurde</translation>
    </message>
    <message>
        <source>Session state: active, degraded (a distributor failed to start), closing or closed</source>
        <translation>Sitzungsstatus: aktiv, beeinträchtigt (ein Distributor konnte nicht starten), wird geschlossen oder geschlossen</translation>
    </message>
    <message>
        <source>Events entering the session per second, averaged over the last snapshot interval</source>
        <translation>In die Sitzung eingehende Ereignisse pro Sekunde, gemittelt über das letzte Snapshot-Intervall</translation>
    </message>
    <message>
        <source>Failed sends, summed over all distributors of the session</source>
        <translation>Fehlgeschlagene Sendevorgänge, summiert über alle Distributoren der Sitzung</translation>
    </message>
</context>
<context>
    <name>SessionsPanel</name>
    <message>
        <source>&amp;New Session…</source>
        <translation>&amp;Neue Sitzung…</translation>
    </message>
    <message>
        <source>Create a session from a template</source>
        <translation>Eine Sitzung aus einer Vorlage erstellen</translation>
    </message>
    <message>
        <source>&amp;Open Session File…</source>
        <translation>Sitzungsdatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Start a session from a session config file</source>
        <translation>Eine Sitzung aus einer Sitzungskonfigurationsdatei starten</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>Sitzung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the selected session&apos;s configuration to a file</source>
        <translation>Die Konfiguration der ausgewählten Sitzung in eine Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Close Session</source>
        <translation>Sitzung &amp;schließen</translation>
    </message>
    <message>
        <source>Close the selected session and release its ports</source>
        <translation>Die ausgewählte Sitzung schließen und ihre Ports freigeben</translation>
    </message>
</context>
<context>
    <name>StateTimelineWidget</name>
    <message>
        <source>initializing</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>%1: %2 for %3 s</source>
        <translation>%1: %2 (%3 s)</translation>
    </message>
</context>
<context>
    <name>StringListField</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>StringMapField</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>Built-in</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Distributors</source>
        <translation>Distributoren</translation>
    </message>
</context>
<context>
    <name>TemplateStore</name>
    <message>
        <source>: expected an object with description and distributors</source>
        <translation>: erwartet wird ein Objekt mit description und distributors</translation>
    </message>
    <message>
        <source>: expected a string</source>
        <translation>: erwartet wird eine Zeichenkette</translation>
    </message>
    <message>
        <source>: expected an object of distributor configs</source>
        <translation>: erwartet wird ein Objekt mit Distributor-Konfigurationen</translation>
    </message>
    <message>
        <source>: unknown distributor type</source>
        <translation>: unbekannter Distributor-Typ</translation>
    </message>
    <message>
        <source>: expected an object</source>
        <translation>: erwartet wird ein Objekt</translation>
    </message>
    <message>
        <source>: cannot read: </source>
        <translation>: kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>: file is too large (the limit is 8 MiB)</source>
        <translation>: die Datei ist zu groß (die Grenze liegt bei 8 MiB)</translation>
    </message>
    <message>
        <source>not valid JSON: </source>
        <translation>kein gültiges JSON: </translation>
    </message>
    <message>
        <source>: not a LabRelay template file (expected &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>: keine LabRelay-Vorlagendatei (erwartet wird &quot;format&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>: version: expected %1</source>
        <translation>: version: erwartet wird %1</translation>
    </message>
    <message>
        <source>There is no custom template named &quot;%1&quot;</source>
        <translation>Es gibt keine eigene Vorlage namens „%1“</translation>
    </message>
    <message>
        <source>Template name must not be empty</source>
        <translation>Der Vorlagenname darf nicht leer sein</translation>
    </message>
    <message>
        <source>Template name must be at most %1 characters</source>
        <translation>Der Vorlagenname darf höchstens %1 Zeichen lang sein</translation>
    </message>
    <message>
        <source>Template name &quot;%1&quot; may only contain letters A-Z and a-z, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Der Vorlagenname „%1“ darf nur die Buchstaben A–Z und a–z, Ziffern, „_“ und „-“ enthalten</translation>
    </message>
    <message>
        <source>A template named &quot;%1&quot; already exists</source>
        <translation>Eine Vorlage namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>: cannot keep a copy of the unreadable file before replacing it; move it away and try again</source>
        <translation>: von der unlesbaren Datei kann vor dem Ersetzen keine Kopie angelegt werden; verschieben Sie sie und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>: cannot create the folder</source>
        <translation>: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>: cannot write: </source>
        <translation>: kann nicht geschrieben werden: </translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <source>Clone…</source>
        <translation>Duplizieren…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>There is no template named &quot;%1&quot;</source>
        <translation>Es gibt keine Vorlage namens „%1“</translation>
    </message>
    <message>
        <source>Created the custom template &quot;%1&quot;.</source>
        <translation>Die eigene Vorlage „%1“ wurde erstellt.</translation>
    </message>
    <message>
        <source>Created the custom template &quot;%1&quot;. Secrets were not copied (%2); use ${VARIABLE} references instead.</source>
        <translation>Die eigene Vorlage „%1“ wurde erstellt. Geheime Werte wurden nicht kopiert (%2); verwenden Sie stattdessen ${VARIABLE}-Verweise.</translation>
    </message>
    <message>
        <source>Saved the template &quot;%1&quot;.</source>
        <translation>Die Vorlage „%1“ wurde gespeichert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in template and cannot be deleted</source>
        <translation>„%1“ ist eine mitgelieferte Vorlage und kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Deleted the template &quot;%1&quot;.</source>
        <translation>Die Vorlage „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Clone template</source>
        <translation>Vorlage duplizieren</translation>
    </message>
    <message>
        <source>Name of the new template (letters, digits, &apos;_&apos; and &apos;-&apos;):</source>
        <translation>Name der neuen Vorlage (Buchstaben, Ziffern, „_“ und „-“):</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete the custom template &quot;%1&quot;? This cannot be undone.</source>
        <translation>Die eigene Vorlage „%1“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>A template keeps only its distributors; the other keys are not saved</source>
        <translation>Eine Vorlage behält nur ihre Distributoren; die übrigen Schlüssel werden nicht gespeichert</translation>
    </message>
    <message>
        <source>Built-in templates are read-only; clone one to change it</source>
        <translation>Mitgelieferte Vorlagen sind schreibgeschützt; duplizieren Sie eine, um sie zu ändern</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the value while the button is down</source>
        <translation>Den Wert anzeigen, solange die Schaltfläche gedrückt ist</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Open the loopback demo session with live synthetic data.</source>
        <translation>Die Loopback-Demositzung mit synthetischen Live-Daten öffnen.</translation>
    </message>
    <message>
        <source>Language of the window: de or en.</source>
        <translation>Sprache des Fensters: de oder en.</translation>
    </message>
    <message>
        <source>Do not serve the control API from the window.</source>
        <translation>Die Steuer-API nicht aus dem Fenster bereitstellen.</translation>
    </message>
    <message>
        <source>Save a PNG of the window after a delay, then quit.</source>
        <translation>Nach einer Verzögerung ein PNG des Fensters speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Delay before --screenshot (ms).</source>
        <translation>Verzögerung vor --screenshot (ms).</translation>
    </message>
    <message>
        <source>Tab shown for --screenshot: 0 distributors, 1 routing, 2 health.</source>
        <translation>Für --screenshot gezeigter Reiter: 0 Distributoren, 1 Routing, 2 Zustand.</translation>
    </message>
    <message>
        <source>LabRelay routes live study events to HTTP, WebSocket, MQTT, UDP and SSE distributors.
Without a command it opens the control panel.

Commands:
  validate FILE...   check session config files (exit 0 valid, 1 invalid, 2 unreadable)
  templates          list the configuration templates
  template NAME      print a template as a session config file
  replay FILE... --session ID [--speed X] [--api-url URL] [--api-token TOKEN]
                     feed a recording to a running LabRelay through its API
                     (exit 0 done, 1 API error, 2 unreadable file or bad arguments)

Headless mode:
  --headless --config FILE [--config FILE...] [API options]
                     run the sessions without a window and serve the control API</source>
        <translation>LabRelay leitet Live-Ereignisse aus Studien an HTTP-, WebSocket-, MQTT-, UDP- und SSE-Distributoren weiter.
Ohne Befehl öffnet es das Bedienfenster.

Befehle:
  validate DATEI...  Sitzungskonfigurationsdateien prüfen (Exit-Code 0 gültig, 1 ungültig,
                     2 nicht lesbar)
  templates          die Konfigurationsvorlagen auflisten
  template NAME      eine Vorlage als Sitzungskonfigurationsdatei ausgeben
  replay DATEI... --session ID [--speed X] [--api-url URL] [--api-token TOKEN]
                     eine Aufzeichnung über die API in ein laufendes LabRelay einspeisen
                     (Exit-Code 0 fertig, 1 API-Fehler, 2 nicht lesbare Datei oder
                     falsche Argumente)

Headless-Modus:
  --headless --config DATEI [--config DATEI...] [API-Optionen]
                     die Sitzungen ohne Fenster ausführen und die Steuer-API bereitstellen</translation>
    </message>
    <message>
        <source>A command (see above).</source>
        <translation>Ein Befehl (siehe oben).</translation>
    </message>
</context>
</TS>
