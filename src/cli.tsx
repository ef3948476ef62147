console.log('selaras');
