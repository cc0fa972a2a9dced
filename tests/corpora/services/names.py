"""Name pools for synthetic clients: varied origins, diacritics, apostrophes, hyphens, single names.

Every person built from these pools is made up; combinations are drawn at random.
"""

from __future__ import annotations

import random

# (given names, weight of 'female' titles) per pool; titles are chosen separately.
GIVEN_F: list[str] = [
    "Mary", "Karen", "Jessica", "Sarah", "Leanne", "Michelle", "Tegan", "Kylie", "Shannon", "Bronwyn",
    "Chloé", "Zoë", "Renée", "Siobhán", "Aoife", "Niamh", "Mei", "Xiaoling", "Thi Lan", "Thị Hương",
    "Ngọc Anh", "Priya", "Ananya", "Fatima", "Aisha", "Maryam", "Amira", "Eleni", "Despina", "Giulia",
    "Francesca", "María José", "Lucía", "Inés", "Agnieszka", "Małgorzata", "Zeynep", "Ayşe", "Björk",
    "Ngaire", "Aroha", "Mereana", "Losana", "Salote", "Adaeze", "Chiamaka", "Amara", "Nyibol", "Hodan",
    "Tahlia", "Jacinta", "Kirra", "Jedda", "Marlee", "Danielle", "Rebecca", "Tracey", "Colleen", "Maureen",
    "Bernadette", "Hannah", "Olivia", "Grace", "Sophie", "Emily", "Ruby", "Matilda", "Isla", "Ava",
]
GIVEN_M: list[str] = [
    "John", "Michael", "David", "Peter", "Craig", "Darren", "Shane", "Brett", "Wayne", "Jason",
    "Seán", "Ciarán", "Pádraig", "Liam", "Wei", "Jun", "Minh", "Văn Hùng", "Đức", "Quang",
    "Rahul", "Arjun", "Sanjeev", "Mohammed", "Ahmad", "Omar", "Yusuf", "Georgios", "Nikolaos", "Dimitri",
    "Giuseppe", "Marco", "José", "Andrés", "Joaquín", "Łukasz", "Paweł", "Tomasz", "Mehmet", "Emre",
    "Søren", "Jürgen", "Tane", "Wiremu", "Sione", "Tevita", "Chukwuemeka", "Kwame", "Deng", "Abdirahman",
    "Jarrah", "Kain", "Jayden", "Lachlan", "Mitchell", "Bradley", "Trent", "Kevin", "Noel", "Barry",
    "Thomas", "James", "William", "Oliver", "Jack", "Noah", "Henry", "Archie", "Samuel", "Harrison",
]
GIVEN_X: list[str] = ["Alex", "Sam", "Jordan", "Riley", "Charlie", "Jamie", "Kai", "Robin", "Ash", "Remy"]

MIDDLE: list[str] = [
    "Anne", "Marie", "Louise", "Jane", "Rose", "James", "John", "Edward", "Patrick", "Joseph",
    "Thanh", "Kumar", "Ali", "Maria", "Grace", "Lee", "Ngozi", "Eileen", "Francis", "Tūi",
]

FAMILY: list[str] = [
    "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White", "Martin", "Anderson",
    "Thompson", "Walker", "Harris", "Ryan", "Kelly", "Murphy", "Campbell", "Mitchell", "Robinson", "Clarke",
    "O'Brien", "O'Connor", "O'Sullivan", "D'Souza", "D'Arcy", "McAllister", "MacKenzie", "Fitzgerald",
    "Nguyễn", "Nguyen", "Trần", "Tran", "Lê", "Phạm", "Huỳnh", "Võ", "Chen", "Wang", "Li", "Zhang", "Liu",
    "Wong", "Chan", "Singh", "Kaur", "Patel", "Sharma", "Gupta", "Iyer", "Khan", "Hussain", "Haddad",
    "Al-Hassan", "El-Masri", "Nasser", "Papadopoulos", "Georgiou", "Karagiannis", "Rossi", "Russo",
    "Esposito", "De Luca", "García", "Muñoz", "Fernández", "Peña", "Kowalski", "Wójcik", "Nowak",
    "Yılmaz", "Çelik", "Öztürk", "Müller", "Schröder", "Jørgensen", "Ngata", "Te Rangi", "Parata",
    "Tuilagi", "Fifita", "Fonua", "Okonkwo", "Mensah", "Abdi", "Mohamud", "Deng", "Garang", "Kuol",
    "Smith-Jones", "Harper-Lee", "Cole-Watson", "Baker-Nguyen", "Ross-Tuilagi", "van der Berg", "de Silva",
    "Saint-Clair", "Ní Bhriain", "Ó Súilleabháin", "Bamblett", "Saunders", "Ingram", "Mundy", "Coe",
]

SINGLE_NAMES: list[str] = ["Nurhayati", "Parwin", "Wahyuni", "Gulalai", "Sukarti", "Habibullah", "Zarmina",
                           "Suharti", "Mulyadi", "Setiawan"]

TITLES_F = ["Ms", "Ms", "Ms", "Mrs", "Miss"]
TITLES_M = ["Mr"]
TITLES_X = ["Mx", ""]

EMAIL_DOMAINS = ["webmail.example", "inbox.example", "ozmail.example", "mymail.example", "netspace.example",
                 "telco.example", "outpost.example", "postbox.example"]


def draw_person(rng: random.Random) -> tuple[str, str, str, str]:
    """(title, given, middle, family); given is '' for a single-name client."""
    roll = rng.random()
    if roll < 0.012:
        return ("", "", "", rng.choice(SINGLE_NAMES))
    if roll < 0.52:
        title, given = rng.choice(TITLES_F), rng.choice(GIVEN_F)
    elif roll < 0.97:
        title, given = rng.choice(TITLES_M), rng.choice(GIVEN_M)
    else:
        title, given = rng.choice(TITLES_X), rng.choice(GIVEN_X)
    middle = rng.choice(MIDDLE) if rng.random() < 0.28 and " " not in given else ""
    return (title, given, middle, rng.choice(FAMILY))


def ascii_fold(text: str) -> str:
    """Strip diacritics the way legacy systems and typed email addresses do."""
    import unicodedata

    special = {"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
    text = "".join(special.get(ch, ch) for ch in text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def latin1_fold(text: str) -> str:
    """Keep what cp1252 can print (é, ü, ñ) and fold the rest (ễ, ł, ı): what a core-font PDF shows."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(ascii_fold(ch) or "?")
    return "".join(out)
