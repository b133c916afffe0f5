-- The usual OPD departments of a Delhi government hospital, with Hindi names
-- and room numbers. Editable afterwards (departments.update); later pulled
-- from the HIMS as configuration.
INSERT INTO departments (code, name_en, name_hi, room, shortcut, sort_order, updated_at) VALUES
  ('MED',   'General Medicine',               'सामान्य चिकित्सा',          '101', '1', 10,  '2026-01-01T00:00:00.000Z'),
  ('SURG',  'General Surgery',                'सामान्य शल्य चिकित्सा',     '105', '2', 20,  '2026-01-01T00:00:00.000Z'),
  ('PAED',  'Paediatrics',                    'बाल रोग',                  '110', '3', 30,  '2026-01-01T00:00:00.000Z'),
  ('OBG',   'Obstetrics & Gynaecology',       'प्रसूति एवं स्त्री रोग',       '115', '4', 40,  '2026-01-01T00:00:00.000Z'),
  ('ORTHO', 'Orthopaedics',                   'अस्थि रोग',                '120', '5', 50,  '2026-01-01T00:00:00.000Z'),
  ('ENT',   'ENT',                            'नाक, कान, गला रोग',         '201', '6', 60,  '2026-01-01T00:00:00.000Z'),
  ('EYE',   'Ophthalmology',                  'नेत्र रोग',                 '205', '7', 70,  '2026-01-01T00:00:00.000Z'),
  ('DERM',  'Dermatology',                    'त्वचा रोग',                '210', '8', 80,  '2026-01-01T00:00:00.000Z'),
  ('PSY',   'Psychiatry',                     'मनोरोग',                   '215', '9', 90,  '2026-01-01T00:00:00.000Z'),
  ('DENT',  'Dental',                         'दंत रोग',                  '220', '0', 100, '2026-01-01T00:00:00.000Z'),
  ('CHEST', 'Respiratory Medicine (TB & Chest)', 'श्वसन रोग (टीबी एवं छाती)', '225', 'T', 110, '2026-01-01T00:00:00.000Z'),
  ('CARD',  'Cardiology',                     'हृदय रोग',                  '301', 'C', 120, '2026-01-01T00:00:00.000Z');
