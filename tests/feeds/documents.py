"""Feed documents for the tests, written for them: RSS 2.0, RSS 1.0, Atom, OPML and hostile ones."""

from __future__ import annotations

RSS1 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{base}/rss1.rdf">
    <title>Harbour Gazette</title>
    <link>{base}/</link>
    <description>Local news</description>
    <items><rdf:Seq><rdf:li rdf:resource="{base}/gazette/1.html"/></rdf:Seq></items>
  </channel>
  <item rdf:about="{base}/gazette/1.html">
    <title>Quay repairs begin</title>
    <link>{base}/gazette/1.html</link>
    <description>Work on the eastern quay started on Monday.</description>
    <dc:creator>Mara Quist</dc:creator>
    <dc:date>2025-11-03T09:30:00Z</dc:date>
  </item>
  <item rdf:about="{base}/gazette/2.html">
    <title>Ferry timetable changes</title>
    <link>{base}/gazette/2.html</link>
    <description>The winter timetable starts next week.</description>
    <dc:date>2025-11-02T08:00:00Z</dc:date>
  </item>
</rdf:RDF>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Reef Watch</title>
  <link href="{base}/reef/"/>
  <id>urn:test:reef</id>
  <updated>2025-10-01T12:00:00Z</updated>
  <entry>
    <title type="html">Coral &lt;em&gt;bleaching&lt;/em&gt; survey</title>
    <link rel="alternate" href="/reef/survey.html"/>
    <id>urn:test:reef:survey</id>
    <updated>2025-10-01T12:00:00Z</updated>
    <author><name>Ines Takahashi</name></author>
    <summary type="html">&lt;p&gt;Divers counted &lt;b&gt;four&lt;/b&gt; sites.&lt;/p&gt;</summary>
  </entry>
</feed>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title>
<item><title>&lol3;</title><link>{base}/laughs.html</link></item></channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "{base}/secret.txt">]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>&secret;</title><link>{base}/leak.html</link></item></channel></rss>
"""

PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{base}/evil.dtd"> %remote;]>
<rss version="2.0"><channel><title>Param</title></channel></rss>
"""

MALFORMED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken & sloppy</title>
<item><title>Unclosed <b>bold</title><link>{base}/sloppy/1.html</link><description>Fine</description></item>
<item><title>Second</title><link>{base}/sloppy/2.html</link>
</channel>
"""

OPML = """<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Local">
      <outline type="rss" text="Harbour Gazette" xmlUrl="{base}/rss1.rdf" htmlUrl="{base}/" category="/coast"/>
      <outline type="rss" text="Reef Watch" xmlUrl="{base}/atom.xml"/>
    </outline>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
  </body>
</opml>
"""
