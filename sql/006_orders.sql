-- 006: the electronic book of orders and the movements they order (R16, R5).
-- The secretary keeps the book; every enrolment, transfer between classes,
-- withdrawal and dismissal is a movement tied to the director's order, so
-- a student's or an employee's history can always be traced to a document.
-- Movements never delete anything: class_student.left_on and
-- staff.dismissed_on close a membership, account.is_active ends the login.

-- `order` is a reserved word, hence school_order.
CREATE TABLE IF NOT EXISTS school_order (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  number      VARCHAR(20) NOT NULL,            -- «12-у», «45/к»: as printed on it
  dated       DATE NOT NULL,                   -- the date the director signed it
  -- Orders are numbered afresh every calendar year; MariaDB cannot put an
  -- expression into a unique key, so the year is a stored generated
  -- column, kept right by the server whatever writes the row.
  dated_year  SMALLINT UNSIGNED AS (YEAR(dated)) STORED,
  kind        ENUM('enrolment','transfer','withdrawal','dismissal','other')
              NOT NULL,                        -- which movements it may carry
  title       VARCHAR(255) NOT NULL,           -- «О зачислении в 1 класс»
  text        TEXT NOT NULL,                   -- the body, as signed
  created_by  INT UNSIGNED NULL,               -- account that entered it
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY (school_id, dated_year, number),
  KEY (school_id, dated),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One person moved by one order.  kind repeats the order's (an order is of
-- one kind) so that a person's history reads without the join; the classes
-- say from where to where (NULL: from outside / out of the school).
CREATE TABLE IF NOT EXISTS movement (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id      INT UNSIGNED NOT NULL,
  person_id     INT UNSIGNED NOT NULL,
  kind          ENUM('enrolment','transfer','withdrawal','dismissal') NOT NULL,
  from_class_id INT UNSIGNED NULL,
  to_class_id   INT UNSIGNED NULL,
  on_date       DATE NOT NULL,                 -- effective from («зачислить с»)
  note          VARCHAR(255) NOT NULL DEFAULT '', -- reason, as in the order
  created_by    INT UNSIGNED NULL,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (order_id, id),
  KEY (person_id, on_date),
  FOREIGN KEY (order_id) REFERENCES school_order (id),
  FOREIGN KEY (person_id) REFERENCES person (id),
  FOREIGN KEY (from_class_id) REFERENCES class (id),
  FOREIGN KEY (to_class_id) REFERENCES class (id),
  FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
