/**
 * Every sentence of the five seed articles in corpus/, as a reviewer would split them. The files are the
 * seeds byte for byte; see corpus/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessLanguage, splitSentences } from '../../src/text/index.js';

const corpus = (path: string): string => readFileSync(join(import.meta.dirname, '../../corpus', path), 'utf8');

const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'clubhouse/jakarta-outlet.en.txt': [
    'Taliban Terrorist Group Uses Clubhouse To Threat Political Opponents',
    'JAKARTA - As the Taliban sweeps through Afghanistan, some members of this terrorist group seem to be taking the time to log into Clubhouse, a trendy audio-based social media app.',
    'Agence France-Presse (AFP) reported that Taliban spokesmen ran an in-app chat room where they discussed their religion and plans for the future of Afghanistan, which quickly fell into the control of the extremist group amid the withdrawal of American troops,',
    '"The Taliban called me rude and cut my microphone after I told them the truth", Haanya Saheba Malik, an Afghan Clubhouse user who joined the Taliban room, told AFP.',
    '"They openly declare those among us who call for infidel human rights and deserve the death penalty".',
    'The Clubhouse terms of service prohibit “immoral, racist or discriminatory” behavior based on “race, ethnicity, national origin, caste, sexual orientation, gender, gender identity, religious affiliation, age, disability, or serious illness”.',
    'But the app, backed by top investors like Andreessen Horowitz and Tiger Global Management, as well as celebrity entrepreneur Audrey Gelman, appears to have allowed the group to operate on the platform for at least two weeks.',
    // sentence-splitter treats "16." as a list number and does not break; we do.
    'AFP first covered the use of the Clubhouse by the Taliban on July 16.',
    "Saturday, July 30, a Taliban spokesman once again appeared on the app, calling for better relations between Afghanistan and Iran while praising the country's theocratic system of government.",
    'A Clubhouse spokesman denied that the group tolerated terror groups.',
    '"Clubhouse bans the terror group and its members", the spokesperson told The Post.',
    '“We are working with Tech Against Terrorism and other subject matter experts and industry leaders to ensure that these users are permanently removed from the platform”.',
    "Content at Clubhouse, which rose to prominence earlier this year for holding exclusive sessions with tech icons like Tesla's Elon Musk and Robinhood's Vlad Tenev, is harder to track than many other social media platforms because the chat is audio-only, and the app does not allow the user to rewind or listen to the previous session.",
    'Clubhouse policy also explicitly prohibits users from recording or quoting statements made through the app.',
    'But several Afghan Clubhouse users told AFP that the Taliban recorded Clubhouse sessions to flag criticism for future retaliation.',
    'Zabihullah Mujahid, a spokesman for the Taliban who also operates a Twitter account with 232.000 followers, denied threatening his opponent at the Clubhouse in a statement to AFP.',
    'Social media has become increasingly important to the Taliban as the group seeks to seize the US-backed Afghan government.',
    "According to an AFP report, nearly half of the country's 37 million people have internet access, and 13 million use social media.",
    'This makes apps like Clubhouse an important way to reach Afghans.',
  ],
  'clubhouse/bulelengpost.id.txt': [
    'Anggota Taliban Diam-diam punya "Chatroom" Resmi di Clubhouse',
    '22 Agustus 2021, 21:45 WIB',
    'Ilustrasi anggota Taliban dan Clubhouse /Reuters',
    'BULELENGPOST.COM -\u00a0Saat Taliban\u00a0meraih tampuk kekuasaan Afghanistan, beberapa anggota kelompok\u00a0ekstrimis Islam ini tampaknya meluangkan waktu untuk masuk ke Clubhouse, aplikasi media sosial berbasis audio yang sedang hits.',
    'Dikutip dari New York Post, juru bicara Taliban menjalankan ruang obrolan dalam aplikasi di mana mereka membahas agama dan rencana mereka untuk masa depan Afghanistan, yang dengan cepat jatuh ke dalam kendali kelompok ekstremis di tengah penarikan pasukan Amerika.',
    'Baca Juga: Demi Keamanan Warga Sipil, Clubhouse Hapus Informasi Pribadi Pengguna di Afghanistan',
    'Baca Juga: Taliban Menang, Partai Komunis Pakistan : Ini Menginspirasi Kelompok Jihad di Seantero Negeri',
    '“Taliban menyebut saya kasar dan memotong mikrofon saya setelah saya mengatakan yang sebenarnya tentang mereka,” ungkap Haanya Saheba Malik, pengguna Clubhouse Afghanistan yang tidak sengaja bergabung\u00a0di chatroom\u00a0Taliban.',
    '“Mereka secara terbuka menyerukan bahwa kami yakni orang-orang kafir pejuang hak asasi manusia pantas dihukum mati,” tuturnya.',
    'Sekadar informasi,\u00a0persyaratan layanan di Clubhouse melarang perilaku tidak bermoral, rasis, atau diskriminatif berdasarkan ras, etnis, asal negara, kasta, orientasi seksual, jenis kelamin, identitas gender, afiliasi agama, usia, kecacatan, atau penyakit serius.',
    'Baca Juga: Deddy Corbuzier Konfirmasi Terkena covid, Ceritakan Dirinya Hampir Meninggal',
    'Akan tetapi,\u00a0aplikasi yang didukung oleh investor papan atas seperti Andreessen Horowitz dan Tiger Global Management, serta pengusaha selebritas Audrey Gelman itu tampaknya telah memungkinkan grup chatroom Taliban untuk beroperasi di platform tersebut setidaknya selama dua minggu.',
    'Mengenai aktifitas terakhir,\u00a0seorang juru bicara Taliban sekali lagi tampil di chatroom Clubhouse, menyerukan hubungan yang lebih baik antara Afghanistan dan Iran sambil memuji sistem pemerintahan teokratis negara itu, menurut media nonprofit Asia Selatan.',
    // The source garbled "South Asia Research Institute" with a period; a splitter follows the punctuation.
    'Research Institute, yang memantau komunikasi Taliban.',
    'Baca Juga: Capaian Vaksinasi di Provinsi Bali per Sabtu 21 Agustus 2021',
    'Seorang juru bicara Clubhouse membantah bahwa platform mereka menoleransi kelompok teror.',
    // The quote opens with a straight quote and closes with a curly one, so sentence-splitter saw no pair and
    // kept it whole. Split, because the English version has the same two sentences apart:
    // "Clubhouse bans the terror group and its members", the spokesperson told The Post. / “We are working ...
    '"Clubhouse melarang kelompok teror dan anggotanya.',
    'Kami bekerja dengan Tech Against Terrorism serta pakar materi pelajaran dan pemimpin industri lainnya untuk memastikan bahwa pengguna seperti ini dihapus secara permanen dari platform.” ujarnya',
    'Baca Juga: Daniel Mardhany Ikon Dead Squad Resmi Keluar, Stevi Item: Kami Tetap Berjalan',
    "Konten di Clubhouse yang menjadi terkenal awal tahun ini karena mengadakan sesi eksklusif dengan ikon teknologi seperti Tesla's Elon Musk dan Robinhood's Vlad Tenev.",
    'Konten seperti ini lebih sulit dilacak daripada banyak platform media sosial lainnya karena obrolannya hanya sebatas audio, memungkinkan pengguna untuk memundurkan atau mendengarkan sesi sebelumnya.',
    'Kebijakan Clubhouse juga secara eksplisit melarang pengguna merekam atau mengutip pernyataan yang dibuat melalui aplikasi.',
    'Baca Juga: Indonesia Kembali Menerima 567.500 Dosis Vaksin AstraZeneca',
    'Namun, beberapa pengguna Clubhouse Afghanistan justru mengatakan bahwa Taliban merekam sesi Clubhouse untuk menandai kritik untuk pembalasan di masa depan.',
    'Juru bicara Taliban\u00a0Zabihullah Mujahid, yang juga mengoperasikan akun Twitter dengan 232.000 pengikut, membantah mengancam lawan di Clubhouse dalam sebuah pernyataan kepada AFP.',
    'Baca Juga: Capaian Vaksinasi di Provinsi Bali per Sabtu 21 Agustus 2021',
    'Media sosial menjadi semakin penting bagi Taliban karena kelompok itu berupaya merebut pemerintah Afghanistan yang didukung AS.',
    'Hampir setengah dari 37 juta penduduk negara itu memiliki akses internet dan 13 juta penduduk menggunakannya untuk media sosial.',
    'Inipun menjadikan aplikasi seperti Clubhouse sebagai cara penting untuk menjangkau warga Afghanistan. ***',
    'Editor: Bagus Putu Ardha Krisna Putra',
    'Sumber: New York Post',
    'Tags',
    'Terkini',
    'Terpopuler',
  ],
  'clubhouse/afp-reprint.en.txt': [
    'Afghans face off against Taliban on audio app – .',
    'Afghans face off against Taliban on audio app – .',
    'Kaboul (AFP)',
    'As war rages across the countryside, young Afghans plug in their headphones and log into the Clubhouse audio app to chat with the Taliban and initiate counteroffensive tactics.',
    // "crypto. -coins" is the source's garbled "cryptocoins": a break before "-" is no break.
    'Launched in the United States at the start of the Covid-19 pandemic, the platform acts like a giant conference call and first found popularity among American tech entrepreneurs as a discussion board for start-ups and crypto. -coins.',
    'In a conflict zone, he may have the rare power to connect ordinary citizens with activists who engage in fear and destruction.',
    '“Some say the Taliban has changed, but I wanted to hear them, with their own voice, if they really did,” Sodaba, 22, of Kabul told AFP.',
    'With the almost complete withdrawal of foreign forces and NATO, the Taliban carried out a large offensive, seizing territory and raising fears of a military takeover.',
    'Sodaba was particularly worried about whether the Islamic fundamentalist group still had “its strict beliefs, especially about women.”',
    '“It’s an interesting way that allows ordinary Afghans to speak directly with the Taliban and the government in real time,” said Fahim Kohdamani, a Kabul-based political activist and author, who regularly hosts political debates on the platform. .',
    '# photo1 ″ People are very worried about what will follow now that international troops leave Afghanistan. ”',
    'Afghans in urban centers across the country have enjoyed a relative increase in social freedoms since the fall of the Taliban, but those gains are under threat as militants advance in several provincial capitals.',
    'For women, concerns are magnified – the Taliban imposed a harsh version of Islamic law during their rule in the 1990s, which saw half the population confined to their homes.',
    '“I saw that they didn’t allow people they considered opponents to speak up, and I even ridiculed a woman who asked about women’s rights,” Sodaba said.',
    '– Heated debates –',
    'Clubhouse allows users to tap into “rooms”, either to listen or to virtually put their hands in the air in discussions which, according to the platform’s guidelines, cannot be recorded or cited.',
    'Some recent topics include the Taliban’s perspective on the afterlife, how to have a happy relationship, and Persian poetry.',
    'Many wanted to influence the reasons for the rapid fall of rural neighborhoods to the hands of militants, dozens waiting for their turn to speak.',
    '“One of the benefits of Clubhouse is that even people with less education can come and hear or have their voices heard,” Kohdamani said.',
    'In a country eclipsed by an insurgency, talks about politics and the Taliban attract the most listeners.',
    '# photo2 In a Taliban-run chatroom, activists praise their humanitarian values, assuring Afghans they want unity.',
    'With sometimes as many as 100 listeners, things heat up quickly as supporters and opponents of the group argue over war, human rights and the role of women in society.',
    '“The Taliban called me rude and cut my microphone, after I told the truth about them,” Haanya Saheba Malik tweeted.',
    '“They want to chain women and restrict their human rights.',
    'She then told AFP that she wanted to denounce the Taliban at Clubhouse: “They openly declared those of us calling for human rights infidels and deserving of death.”',
    'Another critical group chat room opened soon after, inviting the Taliban to join a conversation they weren’t moderating.',
    'One of the group’s activists signed up and was quickly bombarded with criticism.',
    'But some users fear Taliban-moderated conversations, saying the group violates Clubhouse policies by recording conversations that can be used for future retaliation.',
    'Taliban spokesman Zabihullah Mujahid denied any threats were made.',
    '– Get their message across –',
    'For the Taliban, who have taken an increasingly professional approach to public relations and social media, virtual chat rooms are a new way to get their message out.',
    'Nearly half of Afghanistan’s 37 million people have access to the internet, 13 million of whom use social media, according to the government’s information technology ministry.',
    'While Facebook is by far the most popular platform, Clubhouse seems to be growing rapidly.',
    '“It’s a good platform to talk and find an understanding with those who oppose us,” Taliban spokesman Mujahid told AFP.',
    'The Taliban have rarely engaged in open discussions in the past.',
    '“However, they quickly joined Clubhouse to get in touch with people they usually avoid, perhaps because they see themselves on the verge of securing a military victory,” said Abdul Mujeeb Khelwatgar, leader of the group. defense of the NAI media.',
    'But with little success so far, he added that “they may soon see Clubhouse as another outlet that should be avoided and banned.”',
    'Please enter your comment!',
    'Please enter your name here',
  ],
  'haqqani-twitter/breitbart.en.txt': [
    'Anas Haqqani, a senior Taliban official and member of the notorious Haqqani Network jihadist organization, endorsed Twitter over its nascent Facebook rival Threads on Monday, celebrating pro-China owner Elon Musk for allegedly protecting “freedom of speech.”',
    'Haqqani condemned Facebook and Threads’s parent organization, “Meta,” for being “intolerant,” presumably to Sunni jihadist ideology, in a post on Twitter apparently indicating that the de facto Afghan government and terrorist organization’s plans to continue using Twitter as its preferred publicity platform for the foreseeable future.',
    'Meta launched Threads last week, marketing it as a “sanely run” alternative to Twitter, suggesting more limits on speech on the platform.',
    'Threads notably began its run last week by censoring Donald Trump, Jr., on its first day, warning users that his account allegedly offended “our independent fact-checkers.”',
    'Facebook founder Mark Zuckerberg explicitly compared the social media network to Twitter, which he claimed had not “nailed” its function to users.',
    'The Facebook corporation claimed that over 50 million new profiles were created on Threads during its first day of operation, generating 95 million posts.',
    'Reports surfacing this weekend indicate that Twitter is considering legal action against Facebook over potential intellectual property theft and copyright issues given the similarities between Twitter and Threads.',
    'Musk, who has been attempting to fuel a public feud with Zuckerberg to generate publicity, cryptically posted “competition is fine, cheating is not” on Twitter shortly after the debut of Threads.',
    'The Taliban, whose leaders use Twitter prolifically, took over Afghanistan following leftist President Joe Biden’s disastrous extension of the 20-year war in Afghanistan in 2021, which ended with an abrupt withdrawal that prompted then-President Ashraf Ghani to flee the country and leave Kabul in the hands of the Sunni jihadist group.',
    'It has since governed Afghanistan without any significant challenge to its rule, despite no country officially recognizing the Taliban as anything more than an “interim” government body.',
    'Anas Haqqani serves the Taliban in an unspecified “senior” role, which he obtained after being released in a prisoner swap in 2019.',
    'He has since taken on a prominent public role in urging Afghan government officials who fled the country after Ghani abandoned it to return and help the Taliban with bureaucratic affairs.',
    'He weighed into the debate over Meta’s challenge to Twitter on Monday with an endorsement of the latter.',
    '‘Twitter has two important advantages over other social media platforms.',
    'The first privilege is the freedom of speech,” Haqqani wrote.',
    '“The second privilege is the public nature & credibility of Twitter.',
    'Twitter doesn’t have an intolerant policy like Meta.',
    'Other platforms cannot replace it.”',
    'Twitter has two important advantages over other social media platforms.',
    '— Anas Haqqani(انس حقاني) (@AnasHaqqani313) July 10, 2023',
    'The first privilege is the freedom of speech.',
    'The second privilege is the public nature & credibility of Twitter.',
    "Twitter doesn't have an intolerant policy like Meta.",
    // A lower-case word after a period continues the sentence: the tweet's picture link stays with its text.
    'Other platforms cannot replace it. pic.twitter.com/oYQTI3hgfI',
    'Taliban leaders have shown a preference for Twitter long before Musk purchased the platform and remain highly active online.',
    'Only about 15 percent of Afghans have access to the internet, indicating that their posts are mostly meant for an international audience, even when written in Pashto or other regional languages.',
    'The jihadist group releases many of its official “government” statements through the official account of its top spokesman, Zabihullah Mujahid.',
    'The official spokesman of the Taliban’s “Foreign Affairs Ministry,” Abdul Qahar Balkhi, is also a prolific user, sharing images of high-level meetings with foreign officials and other state business.',
    'The official Taliban news agency, Bakhtar, also maintains Twitter profiles in multiple languages and updates regularly.',
    'Speaking at the National Natural Science Symposium at Sheikh Zayed University in #Khost, Interior Minister Khalifa Sirajuddin Haqqani stated that while the country has achieved freedom, there is now a need to undertake significant efforts toward intellectual rehabilitation. pic.twitter.com/9WtCYme911',
    '— BNA English (@bnaenglish) July 11, 2023',
    'Upon taking control of the country in 2021, the Taliban suggested they were interested in free speech – taking swipes at Facebook along the way.',
    'Facebook has maintained a policy of forbidding Taliban propaganda on its platforms for years.',
    '“The Taliban is sanctioned as a terrorist organization under U.S. law and we have banned them from our services under our Dangerous Organization policies,” a Facebook spokesperson asserted after the fall of Kabul in 2021 (the Afghan Taliban is not a designated foreign terrorist organization in the United States; the Pakistani Taliban, a separate organization, is).',
    'Asked if the Taliban would respect freedom of speech and dissent in Afghanistan that year, Mujahid, the top spokesman, said “This question should be asked to those people who are claiming to be promoters of freedom of speech, who do not allow publication of all information and news.',
    'I can ask Facebook.',
    'This question should be asked to them.”',
    'Mujahid went on to claim that the Taliban was “committed” to freedom of the press “within our cultural frameworks.”',
    '“Private media can continue to be free and independent, they can continue their activities – with some requests for the media.',
    'One, is that Islam is a very important value in our country and nothing should be against Islamic values,” he asserted.',
    'Mild as the Taliban spokesman’s comments were, Taliban thugs began to assault and kill journalists almost immediately after the terrorists stormed Kabul.',
    'Female journalists, like all women, found themselves banned from leaving the house – a ban the Taliban has yet to lift at press time.',
    'Despite its record of extreme brutality, both when it ruled Afghanistan in the 1990s and today, the Taliban has found a home for its messaging on Twitter, in addition to corporate leftist media entities in America such as the New York Times.',
    'Much like Twitter owner Elon Musk, the Taliban has used its media platforms to promote closer cooperation with communist China, despite the fact that Beijing is currently engaging in genocide against Muslim populations on the Afghan border.',
    'Taliban leaders have welcomed Chinese regime investment in Afghanistan and membership in China’s predatory Belt and Road Initiative (BRI) in exchange for silence on the Muslim genocide.',
    'A joint conference of foreign ministers of Afghanistan, China & Pakistan asked for the removal of unilateral sanctions against Afghanistan & release of Afghanistan assets which blocked abroad for the benefit of Afghans & for the economic development & prosperity of the country. pic.twitter.com/Sub2yGpTse',
    '— BNA English (@bnaenglish) May 9, 2023',
    'Musk has not publicly endorsed the Taliban, but shares its enthusiasm for communist China.',
    'The car company Tesla, which Musk owns, maintains a showroom in Urumqi, occupied East Turkistan – the heart of China’s Uyghur genocide.',
    'Musk visited China in early June to inspect a Tesla factory in Shanghai and meet with senior Communist Party officials, making time for a lavish customized feast in Beijing.',
    '📍Beijing, China 🇨🇳',
    '— DescubriendoChina (@Descubre_China) May 31, 2023',
    'Canciller chino se reunió con Elon Musk.',
    'Este fue el menú que disfrutaron en la cena 🇨🇳#China #Asia #Musk #Tesla #Canciller #Beijing #Cena pic.twitter.com/obwNpYf3Po',
    'Last week, Musk’s Tesla joined signatories of a letter of commitment vowing to uphold “core socialist values” for access to the Chinese electric vehicle market alongside Chinese manufacturers.',
    'That same week, he expressed support for communist support of global artificial intelligence development, telling a Shanghai AI conference, “I admire the Chinese people’s wisdom and determination.',
    'As long as the Chinese people decide to do well in one thing, they will, including in AI.”',
    'Follow Frances Martel on Facebook and Twitter.',
  ],
  'haqqani-twitter/blog.en.txt': [
    'A Senior Taliban Leader Has Endorsed Twitter Over Other Social Media Platforms Like Threads',
    'A senior leader of the Taliban, Anas Haqqani, who helped lead Taliban negotiations with Afghanistan’s former elected government, recently commented on the social media battle between Elon Musk and Mark Zuckerberg.',
    'According to the Taliban leader, Twitter has important advantages over other platforms.',
    'He mentioned that the first advantage is the freedom of speech it provides.',
    'The second advantage is that Twitter is a public platform with credibility.',
    'He also expressed his dislike for Twitter’s main competitor, Threads, which was recently launched.',
    '“Twitter doesn’t have an intolerant policy like Meta,” Haqqani wrote.',
    '“Other platforms cannot replace it.”',
    'Elon Musk, the owner of Twitter, describes himself as a supporter of free speech.',
    'However, his actions have been questioned as Twitter’s approval rate for censorship requests from governments has increased since he took over.',
    'Musk defended himself by stating that Twitter has no choice but to honor these requests.',
    'The Taliban leader’s endorsement of Twitter is controversial.',
    'He joined the platform after being released from prison as part of a prisoner swap with the Taliban.',
    'He was previously charged with strategic decision-making and fundraising for the Haqqani Network, an insurgent group aligned with the Taliban.',
    'The Haqqani Network, led by the Taliban founder Jalaluddin Haqqani, was considered a dangerous insurgent group during the US-led occupation of Afghanistan.',
    'Both the Haqqani Network and the Taliban have been designated as terrorist organizations by the US government.',
    'Twitter is facing competition from decentralized social media networks like Mastodon and BlueSky.',
    'These platforms have attracted users who are unhappy with Musk’s leadership, his promotion of far-right content, and technical issues on Twitter.',
    'However, Meta’s launch of Threads, a social network built off Instagram, poses a significant threat to Twitter, with over 100 million registered users in less than a week.',
    'It is unlikely that designated terrorist groups will find a platform on Threads, as Meta has banned the Taliban from Facebook and has taken steps to remove Taliban members from WhatsApp.',
    'Taliban members joined Twitter in 2020 to challenge claims made by the previous Afghan government and to reach an international English-speaking audience.',
    'The Taliban seized power in Afghanistan in August 2021.',
    '“The Taliban wanted to counter their propaganda and that’s why we too focused ourselves on Twitter,” the Taliban member said.',
    '“Social media is a powerful tool to change public perception.”',
    'At one point, some members of the Taliban were verified on Twitter with blue checkmarks.',
    'However, Musk changed the verification system, allowing anyone to purchase a blue checkmark.',
    'As a result, previously verified accounts that did not pay for verification had their checkmarks removed.',
    'According to reports, Taliban leaders Hedayatullah Hedayat and Abdul Haq Hammad briefly appeared to have paid for blue checkmarks on Twitter.',
    'Leave a Reply',
    'Your email address will not be published.',
    'Required fields are marked *',
  ],
};

describe('seed articles', () => {
  for (const [path, expected] of Object.entries(EXPECTED)) {
    it(`splits ${path} into its ${expected.length} sentences`, () => {
      const text = corpus(path);
      const sentences = splitSentences(text, { lang: guessLanguage(text) });
      expect(sentences.map((s) => s.text)).toEqual(expected);
      for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  }

  it('keeps the date and the caption of bulelengpost.id.txt apart, in one paragraph', () => {
    const sentences = splitSentences(corpus('clubhouse/bulelengpost.id.txt'));
    const date = sentences.find((s) => s.text === '22 Agustus 2021, 21:45 WIB');
    const caption = sentences.find((s) => s.text === 'Ilustrasi anggota Taliban dan Clubhouse /Reuters');
    expect(date?.paragraph).toBe(1);
    expect(caption?.paragraph).toBe(1);
    expect(sentences[0]?.paragraph).toBe(0);
    expect(sentences.at(-1)).toMatchObject({ text: 'Terpopuler', paragraph: 29 });
  });

  it('numbers one paragraph per line in breitbart.en.txt, which has no blank lines', () => {
    const sentences = splitSentences(corpus('haqqani-twitter/breitbart.en.txt'));
    expect(sentences.map((s) => s.paragraph).at(-1)).toBe(29);
    const quote = sentences.filter((s) => s.paragraph === 8);
    expect(quote).toHaveLength(5);
  });

  it.each([
    ['clubhouse/jakarta-outlet.en.txt', 'en'],
    ['clubhouse/afp-reprint.en.txt', 'en'],
    ['clubhouse/bulelengpost.id.txt', 'id'],
    ['haqqani-twitter/breitbart.en.txt', 'en'],
    ['haqqani-twitter/blog.en.txt', 'en'],
  ] as const)('guesses the language of %s as %s', (path, lang) => {
    expect(guessLanguage(corpus(path))).toBe(lang);
  });
});
